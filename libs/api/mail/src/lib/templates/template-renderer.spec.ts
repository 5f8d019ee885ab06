import { EMAIL_KINDS, LANGUAGES } from '@gfmd/contracts';
import { TemplateRenderer } from './template-renderer';
import { formatDialogueWhen } from './text.util';

describe(TemplateRenderer.name, () => {
  const sut = new TemplateRenderer();
  const params = {
    recipientName: 'Amina Diallo',
    dialogueTitle: 'Labour migration & decent work',
    dialogueWhen: 'Monday 8 May 2017, 10:00–16:00 (Europe/Zurich)',
    dialogueVenue: 'Geneva',
    manageUrl: 'https://gfmd.example/manage/tok-manage',
    confirmUrl: 'https://gfmd.example/contributions/confirm/tok-c',
    registerUrl: 'https://gfmd.example/dialogues/d1/register?invitation=tok-invite',
    declineUrl: 'https://gfmd.example/api/v1/invitations/decline/tok-invite',
    message: 'Line one\nLine two',
    senderName: 'Civil society space',
    reason: 'The dialogue is full.',
    spaces: [{ name: 'Business space', status: 'confirmed' }],
    agenda: [{ when: '10:00', title: 'Opening', where: 'Room XX' }],
  };
  const subjects = {
    en: { invitation: 'Invitation', confirmation: 'Registration confirmed', reminder: 'Reminder' },
    fr: { invitation: 'Invitation :', confirmation: 'Inscription confirmée', reminder: 'Rappel' },
    es: { invitation: 'Invitación', confirmation: 'Inscripción confirmada', reminder: 'Recordatorio' },
    ar: { invitation: 'دعوة', confirmation: 'تأكيد التسجيل', reminder: 'تذكير' },
  } as const;

  /** The kinds about a dialogue (the staff account kinds are tested below). */
  const DIALOGUE_KINDS = EMAIL_KINDS.filter(
    (k) =>
      ![
        'staff_invitation',
        'password_reset',
        'delegation',
        'subscription_confirm',
        'synthesis_published',
        'webhook_disabled',
      ].includes(k),
  );

  it.each(LANGUAGES.flatMap((l) => DIALOGUE_KINDS.map((k) => [k, l] as const)))(
    'renders %s in %s as HTML and text',
    (kind, lang) => {
      const out = sut.render(kind, lang, params);
      expect(out.subject).toContain('Labour migration & decent work');
      expect(out.subject).not.toMatch(/[\r\n]/);
      expect(out.html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(out.html).toContain('Labour migration &amp; decent work');
      expect(out.html).not.toContain('Labour migration & decent work');
      expect(out.text).toContain('Labour migration & decent work');
      expect(out.text).toContain('Geneva');
      if (kind === 'invitation') {
        expect(out.html).toContain('href="https://gfmd.example/dialogues/d1/register?invitation=tok-invite"');
        expect(out.text).toContain(params.declineUrl);
        expect(out.html).toContain(params.declineUrl);
        expect(out.text).not.toContain(params.manageUrl);
      } else if (kind === 'retention_notice') {
        // To staff, about a dialogue: no personal link of anyone's.
        expect(out.html).not.toContain(params.manageUrl);
        expect(out.text).not.toContain(params.manageUrl);
      } else if (kind.startsWith('contribution_')) {
        // A contribution's emails carry no manage link: the confirmation its own link, the decisions none.
        expect(out.text).not.toContain(params.manageUrl);
        if (kind === 'contribution_confirm')
          expect(out.html).toContain('href="https://gfmd.example/contributions/confirm/tok-c"');
        else expect(out.html).not.toContain('/contributions/confirm/');
      } else if (!['declined', 'cancelled'].includes(kind)) {
        expect(out.html).toContain(`href="${params.manageUrl}"`);
        expect(out.text).toContain(params.manageUrl);
        expect(out.text).not.toContain(params.registerUrl);
      }
    },
  );

  it.each(LANGUAGES)(
    'renders the webhook_disabled email in %s with the receiver and the count, no personal link',
    (lang) => {
      const out = sut.render('webhook_disabled', lang, {
        recipientName: 'Ada Admin',
        webhookUrl: 'https://crm.example.org',
        failures: 5,
        manageUrl: params.manageUrl,
      });
      expect(out.subject).toContain('https://crm.example.org');
      expect(out.text).toContain('5');
      expect(out.html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(out.text).not.toContain(params.manageUrl);
    },
  );

  it.each(LANGUAGES)('renders the focal point email in %s with the delegation link only', (lang) => {
    const delegationUrl = 'https://gfmd.example/delegations/tok-delegation';
    const out = sut.render('delegation', lang, {
      ...params,
      delegationUrl,
      delegationName: 'Republic of <Ghana>',
      seats: 4,
    });
    expect(out.subject).toContain('Labour migration & decent work');
    expect(out.subject).toContain('Republic of <Ghana>');
    expect(out.html).toContain(`href="${delegationUrl}"`);
    expect(out.html).toContain('Republic of &lt;Ghana&gt;');
    expect(out.text).toContain('4');
    expect(out.text).toContain(delegationUrl);
    expect(out.text).not.toContain(params.manageUrl);
    expect(out.text).not.toContain(params.registerUrl);
  });

  it.each(LANGUAGES)("renders the synthesis subscribers' emails in %s with their own links only", (lang) => {
    const links = {
      synthesisTitle: 'Stocktaking meeting & more',
      synthesisUrl: 'https://gfmd.example/syntheses/milestones/m1',
      confirmUrl: 'https://gfmd.example/subscriptions/confirm/tok-confirm',
      leaveUrl: 'https://gfmd.example/subscriptions/leave/tok-leave',
      manageUrl: params.manageUrl,
    };
    const confirm = sut.render('subscription_confirm', lang, links);
    expect(confirm.subject).toContain('Stocktaking meeting & more');
    expect(confirm.html).toContain(`href="${links.confirmUrl}"`);
    expect(confirm.text).not.toContain(links.leaveUrl);
    expect(confirm.text).not.toContain(params.manageUrl);
    const published = sut.render('synthesis_published', lang, links);
    expect(published.html).toContain('Stocktaking meeting &amp; more');
    expect(published.html).toContain(`href="${links.synthesisUrl}"`);
    expect(published.html).toContain(`href="${links.leaveUrl}"`);
    expect(published.text).toContain(links.leaveUrl);
    expect(published.text).not.toContain(links.confirmUrl);
    expect(published.text).not.toContain(params.manageUrl);
  });

  it.each(LANGUAGES.flatMap((l) => (['staff_invitation', 'password_reset'] as const).map((k) => [k, l] as const)))(
    'renders %s in %s with its set-password link, and no other link',
    (kind, lang) => {
      const passwordUrl = 'https://gfmd.example/set-password?token=tok-password';
      const out = sut.render(kind, lang, { recipientName: 'Amina Diallo', passwordUrl, manageUrl: params.manageUrl });
      expect(out.subject).toContain('GFMD');
      expect(out.html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(out.html).toContain(`href="${passwordUrl}"`);
      expect(out.text).toContain(passwordUrl);
      expect(out.text).toContain('72');
      expect(out.text).not.toContain(params.manageUrl);
    },
  );

  it('uses the language of the recipient for the subject', () => {
    for (const lang of LANGUAGES) {
      for (const [kind, prefix] of Object.entries(subjects[lang])) {
        expect(sut.render(kind as 'invitation', lang, params).subject.startsWith(prefix)).toBe(true);
      }
    }
  });

  it('escapes every value and keeps subjects on one line', () => {
    const out = sut.render('space_message', 'en', {
      dialogueTitle: 'Evil\r\nBcc: victim@example.org\r\n<script>',
      recipientName: '<img src=x onerror=alert(1)>',
      message: '<b>bold</b> & "quoted"',
      senderName: 'Space\nX-Injected: yes',
    });
    expect(out.subject).toBe('Message about Evil Bcc: victim@example.org <script>');
    expect(out.html).not.toMatch(/<script>|<img src=x|<b>bold/);
    expect(out.html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(out.text).toContain('<b>bold</b>');
  });

  it('drops bidi overrides and isolates from every part, whatever a row holds', () => {
    const rlo = { ...params, recipientName: 'Ana \u202Emoc.live\u202C', dialogueTitle: '\u2067Dialogue\u2069 محمد' };
    for (const language of LANGUAGES) {
      for (const kind of EMAIL_KINDS) {
        const out = sut.render(kind, language, rlo);
        for (const part of [out.subject, out.html, out.text, sut.subject(kind, language, rlo)])
          expect(part).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      }
    }
    const confirmation = sut.render('confirmation', 'en', rlo);
    expect(confirmation.text).toContain('Ana moc.live');
    expect(confirmation.subject).toContain('Dialogue محمد');
  });

  it('drops links that are not http(s)', () => {
    const out = sut.render('confirmation', 'en', { dialogueTitle: 'T', manageUrl: 'javascript:alert(1)' });
    expect(out.html).not.toContain('javascript:');
    expect(out.text).not.toContain('javascript:');
  });

  it('falls back to English for an unknown language', () => {
    expect(sut.render('confirmation', 'de' as 'en', { dialogueTitle: 'T' }).subject).toBe('Registration confirmed: T');
  });

  it('lists spaces with their localized status and the agenda', () => {
    const out = sut.render('agenda', 'fr', params);
    expect(out.text).toContain('Business space (confirmée)');
    expect(out.text).toContain('10:00  Opening (Room XX)');
  });

  it('words an invitation reminder differently', () => {
    expect(sut.render('invitation', 'es', { ...params, isReminder: true }).subject).toBe(
      'Recordatorio: invitación a Labour migration & decent work',
    );
  });

  it('counts the days of a reminder, with its own wording for one day', () => {
    expect(sut.render('reminder', 'en', { ...params, daysBefore: 3 }).text).toContain('begins in 3 days');
    expect(sut.render('reminder', 'en', { ...params, daysBefore: 1 }).text).toContain('begins in one day');
    expect(sut.render('reminder', 'fr', { ...params, daysBefore: 1 }).text).toContain('commence dans un jour');
    expect(sut.render('reminder', 'es', { ...params, daysBefore: 2 }).text).toContain('comienza dentro de 2 días');
  });

  it('formats the date in the dialogue time zone and the recipient language', () => {
    const start = new Date('2017-05-08T08:00:00Z');
    const end = new Date('2017-05-08T14:00:00Z');
    expect(formatDialogueWhen(start, end, 'Europe/Zurich', 'en')).toMatch(
      /^Monday,? 8 May 2017, 10:00–16:00 \(Europe\/Zurich, GMT\+2\)$/,
    );
    // The zone reads the same in every language (never "CEST" here and "UTC+2" there).
    expect(formatDialogueWhen(start, end, 'Europe/Zurich', 'fr')).toMatch(
      /^lundi 8 mai 2017, 10:00–16:00 \(Europe\/Zurich, GMT\+2\)$/,
    );
    expect(formatDialogueWhen(start, end, 'Europe/Zurich', 'es')).toMatch(/^lunes, 8 de mayo de 2017, 10:00–16:00/);
  });
  describe('documents, as links (never attachments)', () => {
    const pub = '11111111-1111-4111-8111-111111111111';
    const reg = '22222222-2222-4222-8222-222222222222';
    const docParams = {
      ...params,
      documentsUrl: 'https://gfmd.example/api/v1/documents',
      documents: [{ id: pub, title: 'Concept <note>', access: 'public' as const }],
      agenda: [
        { when: '10:00', title: 'Opening', documents: [{ id: reg, title: 'Slides', access: 'registrants' as const }] },
      ],
    };

    it.each(LANGUAGES)('lists the dialogue’s and each item’s documents in %s', (lang) => {
      const out = sut.render('agenda', lang, {
        ...docParams,
        manageDocumentsUrl: 'https://gfmd.example/api/v1/registrations/manage/tok-m/documents',
      });
      expect(out.text).toContain(`https://gfmd.example/api/v1/documents/${pub}/file`);
      expect(out.text).toContain(`https://gfmd.example/api/v1/registrations/manage/tok-m/documents/${reg}/file`);
      expect(out.html).toContain(`href="https://gfmd.example/api/v1/documents/${pub}/file"`);
      expect(out.html).toContain('Concept &lt;note&gt;');
      expect(out.html).not.toContain('Concept <note>');
    });

    it('leaves out a registrants’ document when no personal link was minted, and ids that are no UUID', () => {
      const out = sut.render('agenda', 'en', {
        ...docParams,
        documents: [...docParams.documents, { id: '../../x', title: 'Bad', access: 'public' as const }],
      });
      expect(out.text).toContain(pub);
      expect(out.text).not.toContain(reg);
      expect(out.text).not.toContain('Bad');
    });
  });

  it('writes the same subject alone as with the whole email, for every kind, language and placeholder', () => {
    const variants = [
      params,
      {},
      { ...params, isReminder: true, daysBefore: 1 },
      { dialogueTitle: ' A\r\ntitle\u2028with  breaks ', senderName: '', spaceName: 'Youth space' },
      { synthesisTitle: 'S'.repeat(300), delegationName: 'Republic of <Ghana>', seats: 4, failures: 3 },
      { webhookUrl: 'https://crm.example.org/hook', recipientName: 'Dr\tX' },
    ];
    for (const lang of [...LANGUAGES, 'xx' as never])
      for (const kind of [...EMAIL_KINDS, 'unknown' as never])
        for (const p of variants) expect(sut.subject(kind, lang, p)).toBe(sut.render(kind, lang, p).subject);
  });
});
