// Over 400 lines on purpose: the text of every email kind in every language, data side by side so a
// translator sees one kind's four languages together.
import type { EmailKind, Language } from '@gfmd/contracts';
import { SYNTHESIS_KIND_MESSAGES, type SynthesisEmailKind } from './synthesis-messages';

/** Which link a kind's main button opens. */
export type CallToAction = 'register' | 'manage' | 'password' | 'delegation' | 'confirm' | 'view' | 'none';

export interface KindMessages {
  subject: string;
  heading: string;
  /** Paragraphs; `{title}`, `{days}`, `{sender}` are replaced by escaped values. */
  body: string[];
  /** The paragraphs when `{days}` is 1 (where the wording differs). */
  bodyOneDay?: string[];
  cta: CallToAction;
  ctaLabel?: string;
  /** A closing line with the recipient's own unsubscribe link (`leaveUrl`). */
  leave?: { intro: string; label: string };
}

/** The kinds whose words are in this file (the others have files of their own). */
type BaseKind = Exclude<EmailKind, SynthesisEmailKind>;

export interface CommonMessages {
  greetingNamed: string;
  greeting: string;
  when: string;
  where: string;
  online: string;
  spaces: string;
  agenda: string;
  /** The documents of the dialogue (links, never attachments). */
  documents: string;
  /** Before an agenda item's own document links. */
  itemDocuments: string;
  messageFromOrganizers: string;
  reason: string;
  declineIntro: string;
  declineLabel: string;
  manageHint: string;
  linkFallback: string;
  personalLink: string;
  footer: string;
  invitationReminderSubject: string;
  invitationReminderIntro: string;
  statuses: Record<string, string>;
}

const en: Record<BaseKind, KindMessages> = {
  invitation: {
    subject: 'Invitation: {title}',
    heading: 'You are invited',
    body: [
      'You are invited to take part in the GFMD thematic dialogue “{title}”.',
      'The button below opens the registration form with your invitation applied. Please register by following it.',
    ],
    cta: 'register',
    ctaLabel: 'Register now',
  },
  confirmation: {
    subject: 'Registration confirmed: {title}',
    heading: 'Your registration is confirmed',
    body: [
      'Thank you for registering. Your place at “{title}” is confirmed; we look forward to welcoming you.',
      'Your check-in code is on your registration page (the button below): show its QR code at the door, on your phone or printed.',
    ],
    cta: 'manage',
    ctaLabel: 'View or change my registration',
  },
  waitlisted: {
    subject: 'You are on the waiting list: {title}',
    heading: 'You are on the waiting list',
    body: [
      '“{title}” is full for now, so your registration is on the waiting list.',
      'Places that become free are offered in order of arrival, and we will email you at once if one is yours.',
    ],
    cta: 'manage',
    ctaLabel: 'View my registration',
  },
  pending: {
    subject: 'Registration received, awaiting approval: {title}',
    heading: 'We have received your registration',
    body: [
      'Thank you for registering for “{title}”.',
      'Registrations for this dialogue are approved by the organizers. We will email you as soon as they have decided.',
    ],
    cta: 'manage',
    ctaLabel: 'View my registration',
  },
  promoted: {
    subject: 'A seat is now yours: {title}',
    heading: 'A place has become free for you',
    body: [
      'Good news: a place at “{title}” has become free and it is now yours. Your registration is confirmed.',
      'Your check-in code is on your registration page (the button below): show its QR code at the door, on your phone or printed.',
    ],
    cta: 'manage',
    ctaLabel: 'View or change my registration',
  },
  approved: {
    subject: 'Registration approved: {title}',
    heading: 'Your registration is approved',
    body: [
      'The organizers have approved your registration for “{title}”. Your place is confirmed.',
      'Your check-in code is on your registration page (the button below): show its QR code at the door, on your phone or printed.',
    ],
    cta: 'manage',
    ctaLabel: 'View or change my registration',
  },
  declined: {
    subject: 'Registration declined: {title}',
    heading: 'Your registration could not be accepted',
    body: ['We are sorry: the organizers could not accept your registration for “{title}”.'],
    cta: 'none',
  },
  cancelled: {
    subject: 'Registration cancelled: {title}',
    heading: 'Your registration is cancelled',
    body: ['Your registration for “{title}” has been cancelled. You do not need to do anything else.'],
    cta: 'none',
  },
  agenda: {
    subject: 'Your agenda: {title}',
    heading: 'Your personal agenda',
    body: [
      'Here is your personal agenda for “{title}”.',
      'The attached calendar file (.ics) adds the sessions to your calendar.',
    ],
    cta: 'manage',
    ctaLabel: 'View my registration',
  },
  agenda_update: {
    subject: 'Agenda updated: {title}',
    heading: 'The agenda has changed',
    body: [
      'The agenda of “{title}” has changed. Here is your updated personal agenda.',
      'The attached calendar file (.ics) replaces the one you received before.',
    ],
    cta: 'manage',
    ctaLabel: 'View my registration',
  },
  reminder: {
    subject: 'Reminder: {title} is coming up',
    heading: 'See you soon',
    body: ['A friendly reminder: “{title}” begins in {days} days. Here are the details.'],
    bodyOneDay: ['A friendly reminder: “{title}” begins in one day. Here are the details.'],
    cta: 'manage',
    ctaLabel: 'View or change my registration',
  },
  space_message: {
    subject: 'Message about {title}',
    heading: 'A message for participants',
    body: ['{sender} has sent a message to the participants of “{title}”.'],
    cta: 'manage',
    ctaLabel: 'View my registration',
  },
  staff_invitation: {
    subject: 'Your GFMD Dialogues staff account',
    heading: 'Set up your staff account',
    body: [
      'An administrator has created a staff account for you on GFMD Dialogues.',
      'Choose your password with the button below. The link works once and expires in 72 hours.',
    ],
    cta: 'password',
    ctaLabel: 'Choose my password',
  },
  password_reset: {
    subject: 'Reset your GFMD Dialogues password',
    heading: 'Choose a new password',
    body: [
      'Someone asked to reset the password of your GFMD Dialogues staff account.',
      'Choose a new password with the button below. The link works once and expires in 72 hours. If you did not ask for it, ignore this email: your password stays as it is.',
    ],
    cta: 'password',
    ctaLabel: 'Choose a new password',
  },
  webhook_disabled: {
    subject: 'A webhook was disabled: {url}',
    heading: 'A webhook subscription was disabled',
    body: [
      'The webhook subscription to {url} failed {failures} deliveries in a row, each after all its retries, so GFMD Dialogues has disabled it. No further events are sent to it.',
      'Check the receiver, then enable the subscription again in the console (Webhooks), where the delivery log shows each error and lets you replay the failed deliveries.',
    ],
    cta: 'none',
  },
  retention_notice: {
    subject: 'Personal data of “{title}” will be erased in {days} days',
    heading: 'Personal data will be erased soon',
    body: [
      'The personal data of the people who took part in “{title}” (participants, invitees and the emails sent to them) will be erased in {days} days, as the retention period of this GFMD Dialogues installation requires.',
      'The counts by stakeholder group, country, status and space are kept. If you need anything else, export it from the console before then.',
    ],
    cta: 'none',
  },
  delegation: {
    subject: 'Your delegation to {title}: {delegation}',
    heading: 'Name the members of your delegation',
    body: [
      'You are the focal point of the delegation “{delegation}” to the GFMD thematic dialogue “{title}”, which holds {seats} seat(s) for it.',
      'The button below opens your delegation’s private page: name each delegate (head of delegation, delegate or adviser), replace or withdraw them, and follow their registrations. Each delegate receives their own confirmation. Keep this link to yourself.',
    ],
    cta: 'delegation',
    ctaLabel: 'Name my delegates',
  },
  contribution_confirm: {
    subject: 'Confirm your contribution to {title}',
    heading: 'Please confirm your address',
    body: [
      'Thank you for your written contribution to the GFMD thematic dialogue “{title}”.',
      'The organizers will see it once you confirm your address with the button below. If you did not send it, ignore this email and it will not be published.',
    ],
    cta: 'confirm',
    ctaLabel: 'Confirm my contribution',
  },
  contribution_accepted: {
    subject: 'Your contribution was accepted: {title}',
    heading: 'Your contribution was accepted',
    body: [
      'The organizers of “{title}” have accepted your written contribution. Thank you for your input.',
      'Its public page shows it, and the recommendations that cite it once they are published.',
    ],
    cta: 'view',
    ctaLabel: 'See your contribution',
  },
  contribution_rejected: {
    subject: 'Your contribution was not accepted: {title}',
    heading: 'Your contribution was not accepted',
    body: ['The organizers of “{title}” could not accept your written contribution.'],
    cta: 'none',
  },
  certificate_available: {
    subject: 'Your certificate of attendance: {title}',
    heading: 'Your certificate of attendance is ready',
    body: [
      'Thank you for taking part in the GFMD thematic dialogue “{title}”.',
      'Your certificate of attendance is on your registration page: the button below opens it, with the certificate to download (PDF). Anyone can check the certificate at the address printed on it.',
    ],
    cta: 'manage',
    ctaLabel: 'Get my certificate',
  },
};

const fr: Record<BaseKind, KindMessages> = {
  invitation: {
    subject: 'Invitation : {title}',
    heading: 'Vous êtes invité·e',
    body: [
      'Vous êtes invité·e à participer au dialogue thématique du FMMD « {title} ».',
      'Le bouton ci-dessous ouvre le formulaire d’inscription avec votre invitation. Merci de vous inscrire en le suivant.',
    ],
    cta: 'register',
    ctaLabel: 'M’inscrire',
  },
  confirmation: {
    subject: 'Inscription confirmée : {title}',
    heading: 'Votre inscription est confirmée',
    body: [
      'Merci de votre inscription. Votre place à « {title} » est confirmée ; nous nous réjouissons de vous accueillir.',
      'Votre code d’enregistrement se trouve sur la page de votre inscription (bouton ci-dessous) : présentez son code QR à l’entrée, sur votre téléphone ou imprimé.',
    ],
    cta: 'manage',
    ctaLabel: 'Voir ou modifier mon inscription',
  },
  waitlisted: {
    subject: 'Vous êtes sur la liste d’attente : {title}',
    heading: 'Vous êtes sur la liste d’attente',
    body: [
      '« {title} » est complet pour le moment : votre inscription est sur la liste d’attente.',
      'Les places libérées sont proposées par ordre d’arrivée ; nous vous écrirons aussitôt si une place vous revient.',
    ],
    cta: 'manage',
    ctaLabel: 'Voir mon inscription',
  },
  pending: {
    subject: 'Inscription reçue, en attente d’approbation : {title}',
    heading: 'Nous avons reçu votre inscription',
    body: [
      'Merci de votre inscription à « {title} ».',
      'Les inscriptions à ce dialogue sont approuvées par les organisateurs. Nous vous écrirons dès qu’ils auront décidé.',
    ],
    cta: 'manage',
    ctaLabel: 'Voir mon inscription',
  },
  promoted: {
    subject: 'Une place vous est attribuée : {title}',
    heading: 'Une place s’est libérée pour vous',
    body: [
      'Bonne nouvelle : une place s’est libérée à « {title} » et elle est à vous. Votre inscription est confirmée.',
      'Votre code d’enregistrement se trouve sur la page de votre inscription (bouton ci-dessous) : présentez son code QR à l’entrée, sur votre téléphone ou imprimé.',
    ],
    cta: 'manage',
    ctaLabel: 'Voir ou modifier mon inscription',
  },
  approved: {
    subject: 'Inscription approuvée : {title}',
    heading: 'Votre inscription est approuvée',
    body: [
      'Les organisateurs ont approuvé votre inscription à « {title} ». Votre place est confirmée.',
      'Votre code d’enregistrement se trouve sur la page de votre inscription (bouton ci-dessous) : présentez son code QR à l’entrée, sur votre téléphone ou imprimé.',
    ],
    cta: 'manage',
    ctaLabel: 'Voir ou modifier mon inscription',
  },
  declined: {
    subject: 'Inscription refusée : {title}',
    heading: 'Votre inscription n’a pas pu être acceptée',
    body: ['Nous sommes désolés : les organisateurs n’ont pas pu accepter votre inscription à « {title} ».'],
    cta: 'none',
  },
  cancelled: {
    subject: 'Inscription annulée : {title}',
    heading: 'Votre inscription est annulée',
    body: ['Votre inscription à « {title} » a été annulée. Vous n’avez rien d’autre à faire.'],
    cta: 'none',
  },
  agenda: {
    subject: 'Votre programme : {title}',
    heading: 'Votre programme personnel',
    body: [
      'Voici votre programme personnel pour « {title} ».',
      'Le fichier de calendrier joint (.ics) ajoute les séances à votre agenda.',
    ],
    cta: 'manage',
    ctaLabel: 'Voir mon inscription',
  },
  agenda_update: {
    subject: 'Programme mis à jour : {title}',
    heading: 'Le programme a changé',
    body: [
      'Le programme de « {title} » a changé. Voici votre programme personnel mis à jour.',
      'Le fichier de calendrier joint (.ics) remplace celui reçu précédemment.',
    ],
    cta: 'manage',
    ctaLabel: 'Voir mon inscription',
  },
  reminder: {
    subject: 'Rappel : {title} approche',
    heading: 'À bientôt',
    body: ['Petit rappel : « {title} » commence dans {days} jours. Voici les informations pratiques.'],
    bodyOneDay: ['Petit rappel : « {title} » commence dans un jour. Voici les informations pratiques.'],
    cta: 'manage',
    ctaLabel: 'Voir ou modifier mon inscription',
  },
  space_message: {
    subject: 'Message concernant {title}',
    heading: 'Un message pour les participants',
    body: ['{sender} a envoyé un message aux participants de « {title} ».'],
    cta: 'manage',
    ctaLabel: 'Voir mon inscription',
  },
  staff_invitation: {
    subject: 'Votre compte d’équipe GFMD Dialogues',
    heading: 'Activez votre compte d’équipe',
    body: [
      'Un administrateur vous a créé un compte d’équipe sur GFMD Dialogues.',
      'Choisissez votre mot de passe avec le bouton ci-dessous. Le lien ne sert qu’une fois et expire dans 72 heures.',
    ],
    cta: 'password',
    ctaLabel: 'Choisir mon mot de passe',
  },
  password_reset: {
    subject: 'Réinitialisez votre mot de passe GFMD Dialogues',
    heading: 'Choisissez un nouveau mot de passe',
    body: [
      'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte d’équipe GFMD Dialogues.',
      'Choisissez un nouveau mot de passe avec le bouton ci-dessous. Le lien ne sert qu’une fois et expire dans 72 heures. Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre mot de passe reste inchangé.',
    ],
    cta: 'password',
    ctaLabel: 'Choisir un nouveau mot de passe',
  },
  webhook_disabled: {
    subject: 'Un webhook a été désactivé : {url}',
    heading: 'Un abonnement webhook a été désactivé',
    body: [
      'L’abonnement webhook vers {url} a échoué {failures} livraisons de suite, chacune après toutes ses nouvelles tentatives : GFMD Dialogues l’a donc désactivé. Aucun autre événement ne lui est envoyé.',
      'Vérifiez le récepteur, puis réactivez l’abonnement dans la console (Webhooks), où le journal des livraisons montre chaque erreur et permet de relancer les livraisons échouées.',
    ],
    cta: 'none',
  },
  retention_notice: {
    subject: 'Les données personnelles de « {title} » seront effacées dans {days} jours',
    heading: 'Des données personnelles seront bientôt effacées',
    body: [
      'Les données personnelles des personnes qui ont pris part à « {title} » (participants, invités et les courriels qui leur ont été envoyés) seront effacées dans {days} jours, comme le prévoit la durée de conservation de cette installation de GFMD Dialogues.',
      'Les décomptes par groupe de parties prenantes, pays, statut et espace sont conservés. Si vous avez besoin d’autre chose, exportez-le depuis la console d’ici là.',
    ],
    cta: 'none',
  },
  delegation: {
    subject: 'Votre délégation à {title} : {delegation}',
    heading: 'Désignez les membres de votre délégation',
    body: [
      'Vous êtes le point focal de la délégation « {delegation} » au dialogue thématique du FMMD « {title} », qui lui réserve {seats} place(s).',
      'Le bouton ci-dessous ouvre la page privée de votre délégation : désignez chaque délégué (chef de délégation, délégué ou conseiller), remplacez-les ou retirez-les, et suivez leurs inscriptions. Chaque délégué reçoit sa propre confirmation. Gardez ce lien pour vous.',
    ],
    cta: 'delegation',
    ctaLabel: 'Désigner mes délégués',
  },
  contribution_confirm: {
    subject: 'Confirmez votre contribution à {title}',
    heading: 'Merci de confirmer votre adresse',
    body: [
      'Merci pour votre contribution écrite au dialogue thématique du FMMD « {title} ».',
      'Les organisateurs la verront une fois votre adresse confirmée avec le bouton ci-dessous. Si vous ne l’avez pas envoyée, ignorez ce message : elle ne sera pas publiée.',
    ],
    cta: 'confirm',
    ctaLabel: 'Confirmer ma contribution',
  },
  contribution_accepted: {
    subject: 'Votre contribution a été acceptée : {title}',
    heading: 'Votre contribution a été acceptée',
    body: [
      'Les organisateurs de « {title} » ont accepté votre contribution écrite. Merci de votre apport.',
      'Sa page publique la présente, avec les recommandations qui la citent une fois publiées.',
    ],
    cta: 'view',
    ctaLabel: 'Voir votre contribution',
  },
  contribution_rejected: {
    subject: 'Votre contribution n’a pas été retenue : {title}',
    heading: 'Votre contribution n’a pas été retenue',
    body: ['Les organisateurs de « {title} » n’ont pas pu retenir votre contribution écrite.'],
    cta: 'none',
  },
  certificate_available: {
    subject: 'Votre attestation de participation : {title}',
    heading: 'Votre attestation de participation est prête',
    body: [
      'Merci d’avoir participé au dialogue thématique du FMMD « {title} ».',
      'Votre attestation de participation se trouve sur votre page d’inscription : le bouton ci-dessous l’ouvre, avec l’attestation à télécharger (PDF). Chacun peut vérifier l’attestation à l’adresse qui y est imprimée.',
    ],
    cta: 'manage',
    ctaLabel: 'Obtenir mon attestation',
  },
};

const es: Record<BaseKind, KindMessages> = {
  invitation: {
    subject: 'Invitación: {title}',
    heading: 'Está invitado/a',
    body: [
      'Le invitamos a participar en el diálogo temático del FMMD «{title}».',
      'El botón de abajo abre el formulario de inscripción con su invitación aplicada. Inscríbase siguiéndolo.',
    ],
    cta: 'register',
    ctaLabel: 'Inscribirme',
  },
  confirmation: {
    subject: 'Inscripción confirmada: {title}',
    heading: 'Su inscripción está confirmada',
    body: [
      'Gracias por inscribirse. Su plaza en «{title}» está confirmada; será un placer recibirle.',
      'Su código de registro está en la página de su inscripción (botón de abajo): muestre su código QR en la entrada, en su teléfono o impreso.',
    ],
    cta: 'manage',
    ctaLabel: 'Ver o modificar mi inscripción',
  },
  waitlisted: {
    subject: 'Está en la lista de espera: {title}',
    heading: 'Está en la lista de espera',
    body: [
      '«{title}» está completo por ahora, así que su inscripción está en la lista de espera.',
      'Las plazas que se liberen se ofrecen por orden de llegada; le escribiremos de inmediato si una es para usted.',
    ],
    cta: 'manage',
    ctaLabel: 'Ver mi inscripción',
  },
  pending: {
    subject: 'Inscripción recibida, pendiente de aprobación: {title}',
    heading: 'Hemos recibido su inscripción',
    body: [
      'Gracias por inscribirse en «{title}».',
      'Las inscripciones a este diálogo las aprueban los organizadores. Le escribiremos en cuanto hayan decidido.',
    ],
    cta: 'manage',
    ctaLabel: 'Ver mi inscripción',
  },
  promoted: {
    subject: 'Ya tiene una plaza: {title}',
    heading: 'Se ha liberado una plaza para usted',
    body: [
      'Buenas noticias: se ha liberado una plaza en «{title}» y ahora es suya. Su inscripción está confirmada.',
      'Su código de registro está en la página de su inscripción (botón de abajo): muestre su código QR en la entrada, en su teléfono o impreso.',
    ],
    cta: 'manage',
    ctaLabel: 'Ver o modificar mi inscripción',
  },
  approved: {
    subject: 'Inscripción aprobada: {title}',
    heading: 'Su inscripción ha sido aprobada',
    body: [
      'Los organizadores han aprobado su inscripción en «{title}». Su plaza está confirmada.',
      'Su código de registro está en la página de su inscripción (botón de abajo): muestre su código QR en la entrada, en su teléfono o impreso.',
    ],
    cta: 'manage',
    ctaLabel: 'Ver o modificar mi inscripción',
  },
  declined: {
    subject: 'Inscripción rechazada: {title}',
    heading: 'No se ha podido aceptar su inscripción',
    body: ['Lo sentimos: los organizadores no han podido aceptar su inscripción en «{title}».'],
    cta: 'none',
  },
  cancelled: {
    subject: 'Inscripción cancelada: {title}',
    heading: 'Su inscripción ha sido cancelada',
    body: ['Su inscripción en «{title}» ha sido cancelada. No tiene que hacer nada más.'],
    cta: 'none',
  },
  agenda: {
    subject: 'Su programa: {title}',
    heading: 'Su programa personal',
    body: [
      'Este es su programa personal para «{title}».',
      'El archivo de calendario adjunto (.ics) añade las sesiones a su calendario.',
    ],
    cta: 'manage',
    ctaLabel: 'Ver mi inscripción',
  },
  agenda_update: {
    subject: 'Programa actualizado: {title}',
    heading: 'El programa ha cambiado',
    body: [
      'El programa de «{title}» ha cambiado. Este es su programa personal actualizado.',
      'El archivo de calendario adjunto (.ics) sustituye al que recibió antes.',
    ],
    cta: 'manage',
    ctaLabel: 'Ver mi inscripción',
  },
  reminder: {
    subject: 'Recordatorio: {title} se acerca',
    heading: 'Hasta pronto',
    body: ['Un recordatorio: «{title}» comienza dentro de {days} días. Estos son los detalles.'],
    bodyOneDay: ['Un recordatorio: «{title}» comienza dentro de un día. Estos son los detalles.'],
    cta: 'manage',
    ctaLabel: 'Ver o modificar mi inscripción',
  },
  space_message: {
    subject: 'Mensaje sobre {title}',
    heading: 'Un mensaje para los participantes',
    body: ['{sender} ha enviado un mensaje a los participantes de «{title}».'],
    cta: 'manage',
    ctaLabel: 'Ver mi inscripción',
  },
  staff_invitation: {
    subject: 'Su cuenta de personal en GFMD Dialogues',
    heading: 'Active su cuenta de personal',
    body: [
      'Un administrador le ha creado una cuenta de personal en GFMD Dialogues.',
      'Elija su contraseña con el botón de abajo. El enlace sirve una sola vez y caduca en 72 horas.',
    ],
    cta: 'password',
    ctaLabel: 'Elegir mi contraseña',
  },
  password_reset: {
    subject: 'Restablezca su contraseña de GFMD Dialogues',
    heading: 'Elija una nueva contraseña',
    body: [
      'Alguien ha pedido restablecer la contraseña de su cuenta de personal en GFMD Dialogues.',
      'Elija una nueva contraseña con el botón de abajo. El enlace sirve una sola vez y caduca en 72 horas. Si no lo pidió usted, ignore este correo: su contraseña no cambia.',
    ],
    cta: 'password',
    ctaLabel: 'Elegir una nueva contraseña',
  },
  webhook_disabled: {
    subject: 'Se ha desactivado un webhook: {url}',
    heading: 'Se ha desactivado una suscripción webhook',
    body: [
      'La suscripción webhook a {url} ha fallado {failures} entregas seguidas, cada una tras todos sus reintentos, por lo que GFMD Dialogues la ha desactivado. No se le envían más eventos.',
      'Revise el receptor y vuelva a activar la suscripción en la consola (Webhooks), donde el registro de entregas muestra cada error y permite repetir las entregas fallidas.',
    ],
    cta: 'none',
  },
  retention_notice: {
    subject: 'Los datos personales de «{title}» se borrarán dentro de {days} días',
    heading: 'Pronto se borrarán datos personales',
    body: [
      'Los datos personales de las personas que participaron en «{title}» (participantes, invitados y los correos que se les enviaron) se borrarán dentro de {days} días, como exige el periodo de conservación de esta instalación de GFMD Dialogues.',
      'Se conservan los recuentos por grupo de partes interesadas, país, estado y espacio. Si necesita algo más, expórtelo desde la consola antes de esa fecha.',
    ],
    cta: 'none',
  },
  delegation: {
    subject: 'Su delegación a {title}: {delegation}',
    heading: 'Designe a los miembros de su delegación',
    body: [
      'Usted es el punto focal de la delegación «{delegation}» al diálogo temático del FMMD «{title}», que le reserva {seats} plaza(s).',
      'El botón de abajo abre la página privada de su delegación: designe a cada delegado (jefe de delegación, delegado o asesor), sustitúyalos o retírelos y siga sus inscripciones. Cada delegado recibe su propia confirmación. No comparta este enlace.',
    ],
    cta: 'delegation',
    ctaLabel: 'Designar a mis delegados',
  },
  contribution_confirm: {
    subject: 'Confirme su contribución a {title}',
    heading: 'Confirme su dirección',
    body: [
      'Gracias por su contribución escrita al diálogo temático del FMMD «{title}».',
      'Los organizadores la verán cuando confirme su dirección con el botón de abajo. Si no la envió usted, ignore este mensaje: no se publicará.',
    ],
    cta: 'confirm',
    ctaLabel: 'Confirmar mi contribución',
  },
  contribution_accepted: {
    subject: 'Su contribución ha sido aceptada: {title}',
    heading: 'Su contribución ha sido aceptada',
    body: [
      'Los organizadores de «{title}» han aceptado su contribución escrita. Gracias por su aporte.',
      'Su página pública la muestra, con las recomendaciones que la citan una vez publicadas.',
    ],
    cta: 'view',
    ctaLabel: 'Ver su contribución',
  },
  contribution_rejected: {
    subject: 'Su contribución no ha sido aceptada: {title}',
    heading: 'Su contribución no ha sido aceptada',
    body: ['Los organizadores de «{title}» no han podido aceptar su contribución escrita.'],
    cta: 'none',
  },
  certificate_available: {
    subject: 'Su certificado de asistencia: {title}',
    heading: 'Su certificado de asistencia está listo',
    body: [
      'Gracias por participar en el diálogo temático del FMMD «{title}».',
      'Su certificado de asistencia está en su página de inscripción: el botón de abajo la abre, con el certificado para descargar (PDF). Cualquiera puede verificar el certificado en la dirección impresa en él.',
    ],
    cta: 'manage',
    ctaLabel: 'Obtener mi certificado',
  },
};

const ar: Record<BaseKind, KindMessages> = {
  invitation: {
    subject: 'دعوة: {title}',
    heading: 'أنت مدعو',
    body: [
      'يسرّنا أن ندعوك إلى المشاركة في الحوار المواضيعي للمنتدى العالمي للهجرة والتنمية «{title}».',
      'يفتح الزر أدناه استمارة التسجيل مع تطبيق دعوتك. يرجى التسجيل عبره.',
    ],
    cta: 'register',
    ctaLabel: 'سجّل الآن',
  },
  confirmation: {
    subject: 'تأكيد التسجيل: {title}',
    heading: 'تم تأكيد تسجيلك',
    body: [
      'شكرًا لتسجيلك. مقعدك في «{title}» مؤكد؛ ونتطلع إلى الترحيب بك.',
      'رمز تسجيل حضورك موجود في صفحة تسجيلك (الزر أدناه): اعرض رمز الاستجابة السريعة (QR) عند المدخل، على هاتفك أو مطبوعًا.',
    ],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي أو تعديله',
  },
  waitlisted: {
    subject: 'أنت على قائمة الانتظار: {title}',
    heading: 'أنت على قائمة الانتظار',
    body: [
      '«{title}» مكتمل حاليًا، لذا أُدرج تسجيلك في قائمة الانتظار.',
      'تُعرض المقاعد التي تشغر حسب ترتيب التسجيل، وسنراسلك فورًا إذا صار أحدها لك.',
    ],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي',
  },
  pending: {
    subject: 'استُلم التسجيل وهو بانتظار الموافقة: {title}',
    heading: 'استلمنا تسجيلك',
    body: ['شكرًا لتسجيلك في «{title}».', 'يوافق المنظمون على التسجيلات في هذا الحوار. سنراسلك حالما يتخذون قرارهم.'],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي',
  },
  promoted: {
    subject: 'أصبح لك مقعد: {title}',
    heading: 'شغر مقعد من أجلك',
    body: [
      'خبر سار: شغر مقعد في «{title}» وأصبح لك الآن. تم تأكيد تسجيلك.',
      'رمز تسجيل حضورك موجود في صفحة تسجيلك (الزر أدناه): اعرض رمز الاستجابة السريعة (QR) عند المدخل، على هاتفك أو مطبوعًا.',
    ],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي أو تعديله',
  },
  approved: {
    subject: 'الموافقة على التسجيل: {title}',
    heading: 'تمت الموافقة على تسجيلك',
    body: [
      'وافق المنظمون على تسجيلك في «{title}». مقعدك مؤكد.',
      'رمز تسجيل حضورك موجود في صفحة تسجيلك (الزر أدناه): اعرض رمز الاستجابة السريعة (QR) عند المدخل، على هاتفك أو مطبوعًا.',
    ],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي أو تعديله',
  },
  declined: {
    subject: 'رفض التسجيل: {title}',
    heading: 'تعذر قبول تسجيلك',
    body: ['نأسف: تعذر على المنظمين قبول تسجيلك في «{title}».'],
    cta: 'none',
  },
  cancelled: {
    subject: 'إلغاء التسجيل: {title}',
    heading: 'أُلغي تسجيلك',
    body: ['أُلغي تسجيلك في «{title}». لا حاجة إلى القيام بأي شيء آخر.'],
    cta: 'none',
  },
  agenda: {
    subject: 'جدول أعمالك: {title}',
    heading: 'جدول أعمالك الشخصي',
    body: ['إليك جدول أعمالك الشخصي في «{title}».', 'يضيف ملف التقويم المرفق (‎.ics) الجلسات إلى تقويمك.'],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي',
  },
  agenda_update: {
    subject: 'تحديث جدول الأعمال: {title}',
    heading: 'تغيّر جدول الأعمال',
    body: [
      'تغيّر جدول أعمال «{title}». إليك جدول أعمالك الشخصي المحدَّث.',
      'يحل ملف التقويم المرفق (‎.ics) محل الملف الذي تلقيته من قبل.',
    ],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي',
  },
  reminder: {
    subject: 'تذكير: «{title}» يقترب',
    heading: 'إلى اللقاء قريبًا',
    body: ['تذكير ودي: يبدأ «{title}» بعد {days} أيام. إليك التفاصيل.'],
    bodyOneDay: ['تذكير ودي: يبدأ «{title}» بعد يوم واحد. إليك التفاصيل.'],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي أو تعديله',
  },
  space_message: {
    subject: 'رسالة بشأن {title}',
    heading: 'رسالة إلى المشاركين',
    body: ['أرسل {sender} رسالة إلى المشاركين في «{title}».'],
    cta: 'manage',
    ctaLabel: 'عرض تسجيلي',
  },
  staff_invitation: {
    subject: 'حساب الموظف الخاص بك في حوارات المنتدى العالمي للهجرة والتنمية (GFMD)',
    heading: 'أنشئ حساب الموظف الخاص بك',
    body: [
      'أنشأ أحد المسؤولين حساب موظف لك في منصة حوارات المنتدى العالمي للهجرة والتنمية.',
      'اختر كلمة مرورك عبر الزر أدناه. يعمل الرابط مرة واحدة وتنتهي صلاحيته بعد 72 ساعة.',
    ],
    cta: 'password',
    ctaLabel: 'اختيار كلمة المرور',
  },
  password_reset: {
    subject: 'إعادة تعيين كلمة مرورك في حوارات المنتدى العالمي للهجرة والتنمية (GFMD)',
    heading: 'اختر كلمة مرور جديدة',
    body: [
      'طلب أحدهم إعادة تعيين كلمة مرور حساب الموظف الخاص بك في حوارات المنتدى العالمي للهجرة والتنمية.',
      'اختر كلمة مرور جديدة عبر الزر أدناه. يعمل الرابط مرة واحدة وتنتهي صلاحيته بعد 72 ساعة. إن لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
    ],
    cta: 'password',
    ctaLabel: 'اختيار كلمة مرور جديدة',
  },
  webhook_disabled: {
    subject: 'عُطّل خطاف ويب: {url}',
    heading: 'عُطّل اشتراك في خطاف ويب',
    body: [
      'فشل اشتراك خطاف الويب في {url} في {failures} عمليات تسليم متتالية، كلٌّ منها بعد جميع محاولاتها، لذا عطّلته منصة حوارات المنتدى العالمي للهجرة والتنمية. لن تُرسل إليه أي أحداث أخرى.',
      'تحقق من الجهة المستقبِلة، ثم فعّل الاشتراك مجددًا في وحدة التحكم (Webhooks)، حيث يعرض سجل التسليم كل خطأ ويتيح إعادة تشغيل عمليات التسليم الفاشلة.',
    ],
    cta: 'none',
  },
  retention_notice: {
    subject: 'ستُمحى البيانات الشخصية لـ«{title}» بعد {days} يومًا',
    heading: 'ستُمحى البيانات الشخصية قريبًا',
    body: [
      'ستُمحى البيانات الشخصية للأشخاص الذين شاركوا في «{title}» (المشاركون والمدعوون والرسائل المرسلة إليهم) بعد {days} يومًا، وفقًا لمدة الاحتفاظ المقررة في هذه المنصة.',
      'تُحفظ الأعداد حسب فئة أصحاب المصلحة والبلد والحالة والمساحة. إن احتجت إلى أي شيء آخر فصدّره من وحدة التحكم قبل ذلك.',
    ],
    cta: 'none',
  },
  delegation: {
    subject: 'وفدك إلى {title}: {delegation}',
    heading: 'سمِّ أعضاء وفدك',
    body: [
      'أنت جهة الاتصال لوفد «{delegation}» إلى الحوار المواضيعي للمنتدى العالمي للهجرة والتنمية «{title}»، وقد خُصص له من المقاعد: {seats}.',
      'يفتح الزر أدناه الصفحة الخاصة بوفدك: سمِّ كل مندوب (رئيس الوفد أو مندوب أو مستشار)، واستبدلهم أو اسحبهم، وتابع تسجيلاتهم. يتلقى كل مندوب تأكيده الخاص. احتفظ بهذا الرابط لنفسك.',
    ],
    cta: 'delegation',
    ctaLabel: 'تسمية مندوبيّ',
  },
  contribution_confirm: {
    subject: 'أكّد مساهمتك في {title}',
    heading: 'يرجى تأكيد عنوانك',
    body: [
      'شكرًا لمساهمتك المكتوبة في الحوار المواضيعي للمنتدى العالمي للهجرة والتنمية «{title}».',
      'سيطّلع عليها المنظمون بعد أن تؤكد عنوانك عبر الزر أدناه. إن لم تكن أنت من أرسلها فتجاهل هذه الرسالة ولن تُنشر.',
    ],
    cta: 'confirm',
    ctaLabel: 'تأكيد مساهمتي',
  },
  contribution_accepted: {
    subject: 'قُبلت مساهمتك: {title}',
    heading: 'قُبلت مساهمتك',
    body: [
      'قبل منظمو «{title}» مساهمتك المكتوبة. شكرًا على إسهامك.',
      'تعرضها صفحتها العامة، ومعها التوصيات التي تستشهد بها بعد نشرها.',
    ],
    cta: 'view',
    ctaLabel: 'عرض مساهمتك',
  },
  contribution_rejected: {
    subject: 'لم تُقبل مساهمتك: {title}',
    heading: 'لم تُقبل مساهمتك',
    body: ['تعذر على منظمي «{title}» قبول مساهمتك المكتوبة.'],
    cta: 'none',
  },
  certificate_available: {
    subject: 'شهادة حضورك: {title}',
    heading: 'شهادة حضورك جاهزة',
    body: [
      'شكرًا لمشاركتك في الحوار المواضيعي للمنتدى العالمي للهجرة والتنمية «{title}».',
      'شهادة حضورك موجودة في صفحة تسجيلك: يفتحها الزر أدناه، مع الشهادة للتنزيل (PDF). يمكن لأي شخص التحقق من الشهادة على العنوان المطبوع عليها.',
    ],
    cta: 'manage',
    ctaLabel: 'الحصول على شهادتي',
  },
};

const common: Record<Language, CommonMessages> = {
  en: {
    greetingNamed: 'Dear {name},',
    greeting: 'Hello,',
    when: 'When',
    where: 'Where',
    online: 'Online',
    spaces: 'Your spaces',
    agenda: 'Agenda',
    documents: 'Documents',
    itemDocuments: 'Documents',
    messageFromOrganizers: 'Message from the organizers',
    reason: 'Reason',
    declineIntro: 'Unable to take part? You can decline this invitation and we will not write to you about it again.',
    declineLabel: 'Decline the invitation',
    manageHint: 'This link is personal: please do not forward this email.',
    linkFallback: 'If the button does not work, copy this address into your browser:',
    personalLink: 'Your personal link',
    footer: 'GFMD Dialogues · Global Forum on Migration and Development',
    invitationReminderSubject: 'Reminder: invitation to {title}',
    invitationReminderIntro: 'We have not yet received your registration, and there is still time.',
    statuses: {
      confirmed: 'confirmed',
      waitlisted: 'waiting list',
      pending: 'awaiting approval',
      declined: 'declined',
      cancelled: 'cancelled',
    },
  },
  fr: {
    greetingNamed: 'Bonjour {name},',
    greeting: 'Bonjour,',
    when: 'Quand',
    where: 'Où',
    online: 'En ligne',
    spaces: 'Vos espaces',
    agenda: 'Programme',
    documents: 'Documents',
    itemDocuments: 'Documents',
    messageFromOrganizers: 'Message des organisateurs',
    reason: 'Motif',
    declineIntro:
      'Vous ne pouvez pas participer ? Vous pouvez décliner cette invitation ; nous ne vous écrirons plus à ce sujet.',
    declineLabel: 'Décliner l’invitation',
    manageHint: 'Ce lien est personnel : merci de ne pas transférer ce courriel.',
    linkFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
    personalLink: 'Votre lien personnel',
    footer: 'Dialogues du FMMD · Forum mondial sur la migration et le développement',
    invitationReminderSubject: 'Rappel : invitation à {title}',
    invitationReminderIntro: 'Nous n’avons pas encore reçu votre inscription, et il est encore temps.',
    statuses: {
      confirmed: 'confirmée',
      waitlisted: 'liste d’attente',
      pending: 'en attente d’approbation',
      declined: 'refusée',
      cancelled: 'annulée',
    },
  },
  es: {
    greetingNamed: 'Estimado/a {name}:',
    greeting: 'Hola:',
    when: 'Cuándo',
    where: 'Dónde',
    online: 'En línea',
    spaces: 'Sus espacios',
    agenda: 'Programa',
    documents: 'Documentos',
    itemDocuments: 'Documentos',
    messageFromOrganizers: 'Mensaje de los organizadores',
    reason: 'Motivo',
    declineIntro: '¿No puede participar? Puede rechazar esta invitación y no le volveremos a escribir sobre ella.',
    declineLabel: 'Rechazar la invitación',
    manageHint: 'Este enlace es personal: no reenvíe este correo.',
    linkFallback: 'Si el botón no funciona, copie esta dirección en su navegador:',
    personalLink: 'Su enlace personal',
    footer: 'Diálogos del FMMD · Foro Mundial sobre Migración y Desarrollo',
    invitationReminderSubject: 'Recordatorio: invitación a {title}',
    invitationReminderIntro: 'Todavía no hemos recibido su inscripción, y aún está a tiempo.',
    statuses: {
      confirmed: 'confirmada',
      waitlisted: 'lista de espera',
      pending: 'pendiente de aprobación',
      declined: 'rechazada',
      cancelled: 'cancelada',
    },
  },
  ar: {
    greetingNamed: 'عزيزي/عزيزتي {name}،',
    greeting: 'مرحبًا،',
    when: 'الموعد',
    where: 'المكان',
    online: 'عبر الإنترنت',
    spaces: 'مساحاتك',
    agenda: 'جدول الأعمال',
    documents: 'الوثائق',
    itemDocuments: 'الوثائق',
    messageFromOrganizers: 'رسالة من المنظمين',
    reason: 'السبب',
    declineIntro: 'لا تستطيع المشاركة؟ يمكنك الاعتذار عن هذه الدعوة ولن نراسلك بشأنها مرة أخرى.',
    declineLabel: 'الاعتذار عن الدعوة',
    manageHint: 'هذا الرابط شخصي: يرجى عدم إعادة توجيه هذه الرسالة.',
    linkFallback: 'إذا لم يعمل الزر، فانسخ هذا العنوان في متصفحك:',
    personalLink: 'رابطك الشخصي',
    footer: 'حوارات المنتدى العالمي للهجرة والتنمية · المنتدى العالمي للهجرة والتنمية',
    invitationReminderSubject: 'تذكير: دعوة إلى {title}',
    invitationReminderIntro: 'لم نتلقَّ تسجيلك بعد، ولا يزال هناك متسع من الوقت.',
    statuses: {
      confirmed: 'مؤكد',
      waitlisted: 'قائمة الانتظار',
      pending: 'بانتظار الموافقة',
      declined: 'مرفوض',
      cancelled: 'ملغى',
    },
  },
};

export const KIND_MESSAGES: Record<Language, Record<EmailKind, KindMessages>> = {
  en: { ...en, ...SYNTHESIS_KIND_MESSAGES.en },
  fr: { ...fr, ...SYNTHESIS_KIND_MESSAGES.fr },
  es: { ...es, ...SYNTHESIS_KIND_MESSAGES.es },
  ar: { ...ar, ...SYNTHESIS_KIND_MESSAGES.ar },
};
export const COMMON_MESSAGES = common;
