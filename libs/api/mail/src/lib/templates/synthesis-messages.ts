import type { Language } from '@gfmd/contracts';
import type { KindMessages } from './messages';

/** The email kinds of synthesis subscribers (docs/syntheses.md). */
export type SynthesisEmailKind = 'subscription_confirm' | 'synthesis_published';

/**
 * The words of the synthesis subscribers' emails, four languages side by side; `{title}` is the
 * synthesis title (the session's or milestone's). `subscription_confirm` carries the confirm link,
 * `synthesis_published` the public page and the subscriber's own unsubscribe link.
 */
export const SYNTHESIS_KIND_MESSAGES: Record<Language, Record<SynthesisEmailKind, KindMessages>> = {
  en: {
    subscription_confirm: {
      subject: 'Confirm your subscription: {title}',
      heading: 'Please confirm your address',
      body: [
        'Someone, hopefully you, asked to be emailed when the GFMD synthesis “{title}” is published.',
        'Confirm with the button below. If you did not ask for it, ignore this email: nothing will be sent to you.',
      ],
      cta: 'confirm',
      ctaLabel: 'Confirm my subscription',
    },
    synthesis_published: {
      subject: 'Synthesis published: {title}',
      heading: 'A GFMD synthesis has been published',
      body: [
        'The synthesis “{title}” has been published: the recommendations of the GFMD thematic dialogues that bear on it, each with its reference.',
        'Read it online or download it as PDF or Word from its page.',
      ],
      cta: 'view',
      ctaLabel: 'Read the synthesis',
      leave: { intro: 'You receive this email because you subscribed to GFMD syntheses.', label: 'Unsubscribe' },
    },
  },
  fr: {
    subscription_confirm: {
      subject: 'Confirmez votre abonnement : {title}',
      heading: 'Merci de confirmer votre adresse',
      body: [
        'Quelqu’un, sans doute vous, a demandé à être prévenu par courriel de la publication de la synthèse du FMMD « {title} ».',
        'Confirmez avec le bouton ci-dessous. Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : rien ne vous sera envoyé.',
      ],
      cta: 'confirm',
      ctaLabel: 'Confirmer mon abonnement',
    },
    synthesis_published: {
      subject: 'Synthèse publiée : {title}',
      heading: 'Une synthèse du FMMD a été publiée',
      body: [
        'La synthèse « {title} » a été publiée : les recommandations des dialogues thématiques du FMMD qui s’y rapportent, chacune avec sa référence.',
        'Lisez-la en ligne ou téléchargez-la en PDF ou en Word depuis sa page.',
      ],
      cta: 'view',
      ctaLabel: 'Lire la synthèse',
      leave: { intro: 'Vous recevez ce courriel car vous êtes abonné aux synthèses du FMMD.', label: 'Se désabonner' },
    },
  },
  es: {
    subscription_confirm: {
      subject: 'Confirme su suscripción: {title}',
      heading: 'Confirme su dirección',
      body: [
        'Alguien, seguramente usted, pidió recibir un correo cuando se publique la síntesis del FMMD «{title}».',
        'Confirme con el botón de abajo. Si no lo pidió, ignore este correo: no se le enviará nada.',
      ],
      cta: 'confirm',
      ctaLabel: 'Confirmar mi suscripción',
    },
    synthesis_published: {
      subject: 'Síntesis publicada: {title}',
      heading: 'Se ha publicado una síntesis del FMMD',
      body: [
        'Se ha publicado la síntesis «{title}»: las recomendaciones de los diálogos temáticos del FMMD que se refieren a ella, cada una con su referencia.',
        'Léala en línea o descárguela en PDF o Word desde su página.',
      ],
      cta: 'view',
      ctaLabel: 'Leer la síntesis',
      leave: {
        intro: 'Recibe este correo porque se suscribió a las síntesis del FMMD.',
        label: 'Cancelar la suscripción',
      },
    },
  },
  ar: {
    subscription_confirm: {
      subject: 'أكّد اشتراكك: {title}',
      heading: 'يرجى تأكيد عنوانك',
      body: [
        'طلب أحدهم، ولعله أنت، أن يُبلَّغ بالبريد الإلكتروني عند نشر توليفة المنتدى العالمي للهجرة والتنمية «{title}».',
        'أكّد عبر الزر أدناه. إن لم تطلب ذلك فتجاهل هذه الرسالة: لن يُرسل إليك شيء.',
      ],
      cta: 'confirm',
      ctaLabel: 'تأكيد اشتراكي',
    },
    synthesis_published: {
      subject: 'نُشرت التوليفة: {title}',
      heading: 'نُشرت توليفة للمنتدى العالمي للهجرة والتنمية',
      body: [
        'نُشرت التوليفة «{title}»: توصيات الحوارات المواضيعية للمنتدى العالمي للهجرة والتنمية المتعلقة بها، كلٌّ منها بمرجعها.',
        'اقرأها على الإنترنت أو نزّلها بصيغة PDF أو Word من صفحتها.',
      ],
      cta: 'view',
      ctaLabel: 'قراءة التوليفة',
      leave: {
        intro: 'تتلقى هذه الرسالة لأنك مشترك في توليفات المنتدى العالمي للهجرة والتنمية.',
        label: 'إلغاء الاشتراك',
      },
    },
  },
};
