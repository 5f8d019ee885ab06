import type { Catalogue } from './catalogue';

/** Les mots du serveur en français (mêmes clés et mêmes paramètres que catalogue.en.ts). */
export const fr: Catalogue = {
  'platform.invalidFields': 'La requête contient des champs non valides ou inconnus.',
  'platform.invalidLang': "La langue « {lang} » n'est pas prise en charge : utilisez ar, en, es, fr, ru ou zh.",
  'platform.invalidLang.field': 'Choisissez ar, en, es, fr, ru ou zh.',
  'platform.tooManyRequests': 'Trop de requêtes ; patientez une minute puis réessayez.',
  'platform.forbidden': "Vous n'êtes pas autorisé à faire ceci.",
  'platform.invalidCursor': "Le curseur de page n'est pas valide : recommencez depuis la première page.",
  'platform.invalidCursor.field': "Utilisez le nextCursor d'une page de cette liste.",
  'platform.someInvalid': 'Certaines valeurs ne sont pas valides.',
  'platform.someInconsistent': 'Certaines valeurs sont incohérentes.',
  'platform.endsBeforeStart': 'La fin (endsAt) doit être postérieure au début (startsAt).',
  'platform.endsBeforeStart.field': 'la fin doit être postérieure au début',
  'platform.noRoute': 'Aucune route ne correspond à ce chemin.',
  'platform.bodyTooLarge': 'Le corps de la requête est trop volumineux.',
  'platform.invalidJson': "Le corps de la requête n'est pas un JSON valide.",
  'platform.emptyJson': 'Le corps de la requête est vide.',
  'platform.mediaType': 'Envoyez le corps de la requête en application/json.',
  'platform.contentLength': "L'en-tête Content-Length ne correspond pas au corps.",
  'platform.badUrl': 'Le chemin de la requête est mal formé.',
  'platform.paramTooLong': 'Un segment du chemin de la requête est trop long.',
  'platform.db.unique': 'Cela entre en conflit avec un enregistrement existant.',
  'platform.db.format': "Une valeur n'a pas le bon format.",
  'platform.db.reference': "Un enregistrement référencé n'existe pas.",
  'platform.db.busy': 'Le serveur est occupé ; veuillez réessayer.',
  'platform.internal': "Une erreur s'est produite de notre côté. Elle a été consignée.",

  'notFound.Agenda item': "Point de l'ordre du jour introuvable.",
  'notFound.Certificate': 'Attestation introuvable.',
  'notFound.Check-in code': "Code d'enregistrement introuvable.",
  'notFound.Contribution': 'Contribution introuvable.',
  'notFound.Delegate': 'Délégué introuvable.',
  'notFound.Delegation': 'Délégation introuvable.',
  'notFound.Dialogue': 'Dialogue introuvable.',
  'notFound.Document': 'Document introuvable.',
  'notFound.Email': 'E-mail introuvable.',
  'notFound.Informal session': 'Session informelle introuvable.',
  'notFound.Invitation': 'Invitation introuvable.',
  'notFound.Message': 'Message introuvable.',
  'notFound.Milestone': 'Étape clé introuvable.',
  'notFound.Outcome version': 'Version du résultat introuvable.',
  'notFound.Outcome': 'Résultat introuvable.',
  'notFound.Phase': 'Phase introuvable.',
  'notFound.Process': 'Processus introuvable.',
  'notFound.Recommendation': 'Recommandation introuvable.',
  'notFound.Registration': 'Inscription introuvable.',
  'notFound.Resource': 'Ressource introuvable.',
  'notFound.Scan': 'Scan introuvable.',
  'notFound.Space request': "Demande d'espace introuvable.",
  'notFound.Space': 'Espace introuvable.',
  'notFound.Subscriber': 'Abonné introuvable.',
  'notFound.Subscription': 'Abonnement introuvable.',
  'notFound.Synthesis': 'Synthèse introuvable.',
  'notFound.Theme': 'Thème introuvable.',
  'notFound.User': 'Utilisateur introuvable.',

  'auth.tokenInvalid': "Le jeton d'accès n'est pas valide ou a expiré.",
  'auth.signIn': 'Connectez-vous pour faire ceci.',
  'auth.doorOnly': "Le personnel d'accueil peut seulement enregistrer l'arrivée des participants.",
  'auth.roleForbidden': 'Votre rôle ne permet pas de faire ceci.',
  'auth.wrongCredentials': 'Adresse e-mail ou mot de passe incorrect.',
  'auth.wrongCurrentPassword': 'Le mot de passe actuel est incorrect.',
  'auth.duplicateUser': 'Un utilisateur avec cette adresse e-mail existe déjà.',
  'auth.lastAdmin': "C'est le dernier administrateur actif : nommez d'abord un autre administrateur.",
  'auth.weakPassword': 'Ce mot de passe est trop facile à deviner. {feedback}',
  'auth.weakPassword.hint': 'Ajoutez des mots moins courants.',
  'auth.giveRoleOrActive': 'Indiquez role ou active.',
  'auth.giveRoleOrActive.field': 'role ou active est requis',
  'auth.unknownRole': 'Rôle inconnu.',
  'auth.unknownRole.field': 'le rôle doit être parmi {roles}',

  'dialogues.unknownTheme': 'Thème inconnu.',
  'dialogues.unknownTheme.field': 'thème inconnu {ids}',
  'dialogues.unknownProcess': "Le processus n'existe pas.",
  'dialogues.unknownProcess.field': 'processus inconnu',
  'dialogues.noDefaultProcess': 'Le processus par défaut manque ; indiquez processId.',
  'dialogues.duplicateSession': 'La session informelle {number} existe déjà dans ce processus.',
  'dialogues.duplicateSession.field': 'ce numéro est déjà pris dans ce processus',
  'dialogues.outsideProcessNewDates.one':
    "{count} phase ou étape clé sortirait des nouvelles dates du processus ; déplacez-la d'abord.",
  'dialogues.outsideProcessNewDates.other':
    "{count} phases ou étapes clés sortiraient des nouvelles dates du processus ; déplacez-les d'abord.",
  'dialogues.outsideProcessNewDates.field': 'des phases ou étapes clés sortent du processus',
  'dialogues.outsideProcess': 'Les dates doivent être comprises dans le processus ({startsAt} – {endsAt}).',
  'dialogues.duplicateProcess': 'Un processus avec le slug « {slug} » existe déjà.',
  'dialogues.duplicateProcess.field': 'ce slug est déjà pris',
  'dialogues.duplicateProcessCode': 'Un processus avec le code « {code} » existe déjà.',
  'dialogues.duplicateCode.field': 'ce code est déjà pris',
  'dialogues.duplicateTheme': 'Un thème avec le code « {code} » existe déjà.',
  'dialogues.notEditable': "Un dialogue à l'état « {status} » ne peut pas être modifié.",
  'dialogues.notPublishable': "Un dialogue à l'état « {status} » ne peut pas être publié.",
  'dialogues.concludedNotCancellable': 'Un dialogue terminé ne peut pas être annulé.',
  'dialogues.registrationNotClosable':
    "Les inscriptions d'un dialogue à l'état « {status} » ne peuvent pas être clôturées.",
  'dialogues.notConcludable': "Un dialogue à l'état « {status} » ne peut pas être terminé.",
  'dialogues.unknownSession': "La session informelle n'existe pas.",
  'dialogues.unknownSession.field': 'session informelle inconnue',

  'warning.endsAfterSession':
    'Le dialogue se termine après le début de la session informelle {session} ({days} jours) : son résultat ne peut pas éclairer la session.',
  'warning.shortLead.one':
    'Le dialogue se termine seulement {days} jour avant la session informelle {session} ; au moins {recommended} jours laissent le temps de porter son résultat à la session.',
  'warning.shortLead.other':
    'Le dialogue se termine seulement {days} jours avant la session informelle {session} ; au moins {recommended} jours laissent le temps de porter son résultat à la session.',
  'warning.registrationClosesAfterEnd': 'Les inscriptions se clôturent après la fin du dialogue.',
  'warning.noDialogueAhead': "Aucun dialogue publié n'est prévu avant la session informelle {session}.",

  'agenda.outsideSpaceOrganizers': 'Les points hors espace sont gérés par les organisateurs.',
  'agenda.commonSpaceOrganizers':
    'Les points en plénière et dans les espaces communs sont gérés par les organisateurs.',
  'agenda.notCoordinator': 'Vous ne coordonnez pas cet espace.',
  'agenda.unknownSpace': "L'espace n'existe pas dans ce dialogue.",
  'agenda.unknownSpace.field': 'espace inconnu',
  'agenda.outsideDialogue':
    "Les points de l'ordre du jour doivent se situer pendant le dialogue ({startsAt} à {endsAt}, {timeZone}).",
  'agenda.beforeStart.field': 'avant le début du dialogue',
  'agenda.afterEnd.field': 'après la fin du dialogue',
  'agenda.unknownRoomOfSpace': "« {room} » n'est pas une salle de {space}.",
  'agenda.unknownRoom': "« {room} » n'est une salle d'aucun espace de ce dialogue.",
  'agenda.unknownRoom.field': 'salle inconnue ; salles connues : {rooms}',
  'agenda.none': 'aucune',
  'agenda.overlapSpace': 'Il chevauche « {title} » ({when}) dans le même espace.',
  'agenda.overlapProgramme': 'Il chevauche « {title} » ({when}) dans le programme commun du dialogue.',
  'agenda.overlapRoom': 'La salle « {room} » est réservée pour « {title} » ({when}).',
  'agenda.overlapSpeaker': '{speaker} intervient déjà à « {title} » ({when}).',
  'agenda.notMovable': "Un dialogue à l'état « {status} » ne peut pas être déplacé.",
  'agenda.shiftOutside': "{count} point(s) de l'ordre du jour sortiraient du dialogue.",
  'agenda.shiftOverlap': "L'ordre du jour déplacé se chevaucherait dans un espace ou une salle.",
  'agenda.outsideNewTimes.one':
    "{count} point de l'ordre du jour sortirait des nouveaux horaires du dialogue ; déplacez-le d'abord.",
  'agenda.outsideNewTimes.other':
    "{count} points de l'ordre du jour sortiraient des nouveaux horaires du dialogue ; déplacez-les d'abord.",
  'agenda.notSendable': "L'ordre du jour d'un dialogue à l'état « {status} » ne peut pas être envoyé.",
  'agenda.notChangeable': "L'ordre du jour d'un dialogue à l'état « {status} » ne peut pas changer.",
  'agenda.overlap': 'Ce point chevauche un autre point dans le même espace ou la même salle.',

  'registrations.noQuestions': 'Ce dialogue ne pose aucune question.',
  'registrations.noSuchQuestion.field': 'question inconnue',
  'registrations.noPendingSpaceRequest': "Il n'y a aucune demande en attente pour cet espace.",
  'registrations.dialogueFull':
    "Le dialogue est complet ({confirmed} places sur {capacity}) : cette personne reste sur la liste d'attente et obtiendra la prochaine place libre. Augmentez la capacité du dialogue pour l'admettre maintenant.",
  'registrations.groupQuotaFull':
    "Le quota du groupe de parties prenantes est atteint : cette personne reste sur la liste d'attente. Augmentez le quota du groupe pour l'admettre maintenant.",
  'registrations.registrationPending': "L'inscription elle-même doit d'abord être approuvée par un organisateur.",
  'registrations.nothingToApprove': "Il n'y a aucune place en attente à approuver.",
  'registrations.notDeclinable': "Une inscription à l'état « {status} » ne peut pas être refusée.",
  'registrations.nothingToDecline': "Il n'y a aucune demande de place active à refuser.",
  'registrations.undoExpired': "Ce refus ne peut plus être annulé : le délai d'annulation est passé.",
  'registrations.seatBackToDelegation':
    'La place est revenue à la délégation de la personne : son point focal peut la désigner à nouveau.',
  'registrations.seatTaken': 'La place est entre-temps allée à la personne suivante : le refus est maintenu.',
  'registrations.spaceMessageLimit':
    "Cet espace a envoyé {limit} messages au cours des dernières 24 heures ; aucun autre ne peut être envoyé aujourd'hui.",
  'registrations.messagesNotOpen': "Aucun message ne peut être envoyé pour un dialogue à l'état « {status} ».",
  'registrations.dialogueClosedForChange':
    "Le dialogue est à l'état « {status} » ; l'inscription ne peut pas être modifiée.",
  'registrations.notCancellable': "Une inscription à l'état « {status} » ne peut pas être annulée.",
  'registrations.notChangeable': "Une inscription à l'état « {status} » ne peut pas être modifiée.",
  'registrations.unknownSpace': "Un espace choisi n'appartient pas à ce dialogue.",
  'registrations.unknownSpace.field': 'espace inconnu {ids}',
  'registrations.spaceDeclined': 'Une demande de place dans cet espace a été refusée par son coordinateur.',
  'registrations.spaceDeclined.field': 'refusée dans {ids}',
  'registrations.notCheckable': "L'arrivée d'une inscription à l'état « {status} » ne peut pas être enregistrée.",
  'registrations.noSeatInYourSpaces': "Cette personne n'a aucune place confirmée dans vos espaces.",
  'registrations.seatsInUse': 'Cette délégation compte {used} délégué(s) : elle ne peut pas avoir moins de places.',
  'registrations.seatsInUse.field': 'au moins {used}',
  'registrations.delegationFull': 'Toutes les places de cette délégation ({seats}) sont déjà attribuées.',
  'registrations.answersClosed': 'Les inscriptions sont closes : les réponses ne peuvent plus être modifiées.',
  'registrations.notHybrid': 'Ce dialogue n’est pas hybride : il n’y a pas de mode de participation à choisir.',
  'registrations.delegateAttendance':
    'La place d’un délégué appartient à sa délégation : son mode de participation ne peut pas changer.',
  'registrations.onlineFull': 'Il n’y a plus de place en ligne : l’inscription reste en présentiel.',
  'registrations.roomFull': 'Il n’y a plus de place dans la salle : l’inscription reste en ligne.',
  'registrations.attendanceRequired': 'Ce dialogue est hybride : choisissez d’y participer en présentiel ou en ligne.',
  'registrations.duplicate': 'Cette adresse e-mail est déjà inscrite à ce dialogue.',
  'registrations.delegateNotWithdrawable': "Un délégué à l'état « {status} » ne peut pas être retiré.",
  'registrations.seatsFrozen': "Le dialogue est à l'état « {status} » : ses places ne peuvent pas changer.",
  'registrations.notEnoughSeats': 'Seules {free} place(s) du dialogue sont libres ; {asked} demandée(s).',
  'registrations.notEnoughQuota': 'Seules {free} place(s) du quota {group} sont libres ; {asked} demandée(s).',
  'registrations.invalidInvitation': "Ce lien d'invitation n'est pas valide pour ce dialogue.",
  'registrations.invalidInvitation.field': 'invitation inconnue',
  'registrations.invitationMismatch':
    'Cette invitation a été envoyée à une autre adresse e-mail ; inscrivez-vous avec cette adresse.',
  'registrations.invitationMismatch.field': "ne correspond pas à l'invitation",
  'registrations.invitationUsed': 'Cette invitation a déjà été utilisée.',
  'registrations.noSpaceOfDialogue': 'Vous ne coordonnez aucun espace de ce dialogue.',
  'registrations.notCoordinator': 'Vous ne coordonnez pas cet espace.',
  'registrations.spaceInvitedOnly': 'Cet espace est réservé aux participants invités.',
  'registrations.spaceNotInInvitation': "Votre invitation n'inclut pas cet espace.",
  'registrations.spaceGroupsOnly': 'Cet espace est réservé à : {groups}.',
  'registrations.dialogueCancelled': 'Ce dialogue a été annulé.',
  'registrations.notOpen': 'Les inscriptions à ce dialogue ne sont pas ouvertes.',
  'registrations.closed': 'Les inscriptions à ce dialogue sont closes.',
  'registrations.opensAt': 'Les inscriptions ouvrent le {at}.',
  'registrations.closedAt': 'Les inscriptions ont été closes le {at}.',

  // dialogues: field errors
  'dialogues.closesBeforeOpens.field': 'la clôture des inscriptions doit être postérieure à leur ouverture',
  'dialogues.startsOutsideProcess.field': 'le début doit être compris dans le processus',
  'dialogues.endsOutsideProcess.field': 'la fin doit être comprise dans le processus',

  // agenda: field errors
  'agenda.titleBlank.field': 'le titre ne doit pas être vide',
  'agenda.kindRequired.field': 'le type est requis',
  'agenda.startsRequired.field': 'le début est requis',
  'agenda.endsRequired.field': 'la fin est requise',
  'agenda.speakerNameBlank.field': 'le nom ne doit pas être vide',
  'agenda.speakerTwice.field': '{speaker} figure deux fois',

  // spaces
  'spaces.coordinatorFields': 'Les coordinateurs peuvent seulement modifier {allowed} ; pas {fields}.',
  'spaces.and': ' et ',
  'spaces.kindWithAgenda':
    "Le type d'un espace qui a des points à l'ordre du jour ne peut pas changer ; déplacez ou supprimez d'abord ses points.",
  'spaces.capacityBelowConfirmed':
    "L'espace a {confirmed} places confirmées ; sa capacité ne peut pas être inférieure.",
  'spaces.capacityBelowConfirmed.field': 'doit être au moins {confirmed}',
  'spaces.roomInUse': "Des points de l'ordre du jour utilisent encore {rooms} ; déplacez-les d'abord.",
  'spaces.hasRegistrations':
    'Des personnes occupent ou attendent des places dans cet espace ; il ne peut pas être supprimé.',
  'spaces.hasAgenda': "L'espace a des points à l'ordre du jour ; supprimez-les ou déplacez-les d'abord.",
  'spaces.dialogueClosed': "Les espaces d'un dialogue à l'état « {status} » ne peuvent pas changer.",
  'spaces.nameBlank.field': 'le nom ne doit pas être vide',
  'spaces.groupOnlyNeedsGroups.field': "l'accès group_only demande au moins un groupe autorisé",
  'spaces.allowedGroupsOnlyGroupOnly.field': "allowedGroups ne s'applique qu'à l'accès group_only",
  'spaces.roomBlank.field': "le nom d'une salle ne doit pas être vide",
  'spaces.roomTwice.field': 'la salle « {room} » figure deux fois',
  'spaces.unknownCoordinator':
    'Les coordinateurs doivent être des membres du personnel existants ayant le rôle de coordinateur.',
  'spaces.unknownCoordinator.field': "{id} n'est pas un coordinateur",
  'spaces.duplicate': 'Le dialogue a déjà un espace nommé « {name} ».',

  // staff
  'staff.linkGone': 'Ce lien a déjà été utilisé ou a expiré. Demandez-en un nouveau.',
  'staff.userInactive': "Ce compte est désactivé : réactivez-le d'abord.",

  // mail
  'mail.notFailed': "Seul un e-mail en échec peut être renvoyé ; celui-ci est à l'état « {status} ».",

  // invitations
  'invitations.closed': "Cette invitation est à l'état « {status} » ; elle ne peut pas être renvoyée.",
  'invitations.resendLimit': "Cette invitation a été renvoyée {resends} fois ; c'est la limite.",
  'invitations.alreadyRegistered':
    "Vous vous êtes inscrit avec cette invitation ; annulez plutôt l'inscription avec votre lien de gestion.",
  'invitations.draftDialogue':
    "Aucune invitation ne peut être envoyée pour un dialogue en brouillon ; publiez-le d'abord.",
  'invitations.dialogueClosed': "Aucune invitation ne peut être envoyée pour un dialogue à l'état « {status} ».",
  'invitations.unknownSpaces': 'Certains espaces ne font pas partie de ce dialogue.',
  'invitations.unknownSpaces.field': 'inconnus : {ids}',

  // delegations
  'delegations.csvUnreadable': 'Le fichier CSV ne peut pas être lu.',
  'delegations.csvEmpty': 'Le fichier CSV ne contient aucune délégation.',
  'delegations.csvEmpty.field': 'aucune ligne',
  'delegations.csvTooLong': 'Au plus {max} délégations par fichier.',
  'delegations.csvTooLong.field': 'trop de lignes',
  'delegations.csvRowsInvalid': "Certaines lignes du fichier CSV ne sont pas valides ; rien n'a été importé.",
  'delegations.duplicate': 'Ce dialogue a déjà une délégation nommée « {name} ».',

  // questions
  'questions.invalidAnswers': 'Certaines réponses manquent ou ne sont pas valides.',
  'questions.invalidQuestions': 'Certaines questions ne sont pas valides.',

  // outcomes
  'outcomes.noDraft': "Le résultat n'a pas encore de brouillon.",
  'outcomes.rapporteursStaff': 'Les rapporteurs doivent être des membres actifs du personnel.',
  'outcomes.rapporteursStaff.field': "{id} n'est pas un membre actif du personnel",
  'outcomes.cancelledDialogue': "Un dialogue annulé n'a pas de résultat.",
  'outcomes.staleVersion':
    'Le résultat en est à la version {current} ; vous avez modifié la version {edited}. Rechargez-le et refaites vos modifications.',
  'outcomes.invalidAction': "On ne peut pas demander « {action} » à un résultat à l'état « {status} ».",
  'outcomes.mustBeReturned':
    "Le résultat est à l'état « {status} » ; un organisateur doit le renvoyer avant qu'il puisse changer.",
  'outcomes.whoEdits':
    'Seuls les rapporteurs, les organisateurs et les coordinateurs des espaces modifient ce résultat.',
  'outcomes.whoNamesRapporteurs': 'Seuls les organisateurs désignent les rapporteurs.',
  'outcomes.coordinatorsOwnSpace': "Les coordinateurs d'un espace ne modifient que les recommandations de leur espace.",
  'outcomes.coordinatorsOwnSpaceAll':
    "Les coordinateurs d'un espace n'ajoutent, ne modifient et ne suppriment que les recommandations de leur espace.",
  'outcomes.unknownRecommendation':
    "Une recommandation n'appartient pas à ce résultat ; omettez l'identifiant d'une nouvelle.",
  'outcomes.unknownRecommendation.field': 'recommandation inconnue',
  'outcomes.unknownSpace': "Une recommandation nomme un espace qui n'appartient pas à ce dialogue.",
  'outcomes.textBlank.field': 'le texte ne doit pas être vide',
  'outcomes.recommendationTwice.field': 'une recommandation figure deux fois',
  'outcomes.keyMessageBlank.field': 'un message clé ne doit pas être vide',
  'outcomes.whoSubmits': 'Seuls les rapporteurs et les organisateurs soumettent le résultat.',
  'outcomes.summaryFirst': 'Rédigez le résumé avant de soumettre.',
  'outcomes.summaryBlank.field': 'le résumé ne doit pas être vide',
  'outcomes.ownDraft': "Vous avez rédigé ou soumis ce résultat ; un autre organisateur doit le relire et l'approuver.",
  'outcomes.commentBlank.field': 'le commentaire ne doit pas être vide',
  'outcomes.publishDialogueFirst': 'Publiez le dialogue avant son résultat.',

  // check-in
  'checkIn.codeRequired': 'Un code est requis.',
  'checkIn.codeRequired.field': 'le code est requis',
  'checkIn.registrationRequired': 'Une inscription est requise.',
  'checkIn.registrationRequired.field': 'registrationId est requis',
  'checkIn.otherDialogue': 'Ce code appartient à un autre dialogue.',
  'checkIn.notAssigned': "Vous n'êtes pas affecté à l'accueil de ce dialogue.",
  'checkIn.notDoorStaff': "Le personnel d'accueil doit être des comptes actifs avec le rôle accueil.",
  'checkIn.notDoorStaff.field': "{id} n'est pas un compte d'accueil actif",
  'checkIn.nothingToUndo': "Ce scan n'a enregistré personne (la personne était déjà arrivée).",
  'checkIn.scanIdReused': 'Cet identifiant de scan a déjà servi pour une autre personne.',
  'checkIn.certificateNotAvailable':
    'Une attestation est disponible pour les participants enregistrés à leur arrivée, une fois le dialogue terminé.',

  // syntheses
  'syntheses.noDraft': "La synthèse n'a pas encore de brouillon : enregistrez-en un d'abord.",
  'syntheses.referenceTwice': 'Une recommandation figure deux fois.',
  'syntheses.referenceTwice.field': '{reference} figure deux fois',
  'syntheses.withdrawn.field': '{reference} a été retirée',
  'syntheses.notPublished.field': "{reference} n'est pas une recommandation publiée",
  'syntheses.onlyPublished': "Seules des recommandations publiées peuvent faire partie d'une synthèse : {references}.",
  'syntheses.staleVersion':
    'La synthèse en est à la version {current} ; vous avez modifié la version {edited}. Rechargez-la et refaites vos modifications.',

  // documents
  'documents.missing': 'Le document manque.',
  'documents.missing.field': 'le fichier est requis',
  'documents.pathInName': 'Le nom du fichier contient un chemin.',
  'documents.pathInName.field': 'un nom de fichier, pas un chemin',
  'documents.notManagerOf': 'Vous ne gérez pas les documents de cet élément ({owner}).',
  'documents.notManager': 'Vous ne gérez pas ce document.',
  'documents.infected': 'Le scanner antivirus a trouvé un logiciel malveillant dans le fichier ; il est refusé.',
  'documents.scannerUnavailable': "Le scanner antivirus n'est pas disponible ; réessayez plus tard.",
  'documents.tooLarge': 'Le fichier dépasse {mb} Mo (MAX_UPLOAD_MB).',
  'documents.notMultipart': 'Envoyez le document en multipart/form-data avec une partie « file ».',
  'documents.fieldTooLong': 'Le champ « {field} » est trop long.',
  'documents.fieldTwice': 'Le champ « {field} » est donné deux fois.',
  'documents.unknownPart': 'Partie de fichier inconnue « {field} » : le document va dans « file ».',
  'documents.oneFile': 'Envoyez un seul fichier par requête.',
  'documents.interrupted': "L'envoi a été interrompu.",
  'documents.malformed': 'Le corps multipart est mal formé ou dépasse ses limites.',
  'documents.unknownOwner': "Aucun élément ({owner}) n'a l'identifiant {id}.",
  'documents.unknownOwner.field': 'aucun élément ({owner}) avec cet identifiant',
  'documents.contributionsClosed': "Ce dialogue n'accepte pas de contributions écrites pour le moment.",
  'documents.tooManyContributions': 'Trop de contributions ; réessayez demain.',
  'documents.contributionAlready': "La contribution est déjà à l'état « {status} ».",

  // validation: words of a constraint for one property (validation.<property>.<constraint>), read by the problem filter
  'validation.consent.equals': 'Vous devez donner votre consentement.',
  'validation.invitationToken.matches': "Le lien d'invitation est mal formé.",
  'validation.slug.matches': 'Le slug ne peut contenir que des minuscules, des chiffres et des tirets simples.',
  'validation.references.matches': 'Chaque référence doit avoir la forme GFMD-GCM-T3-D12-R04.',

  // documents: multipart
  'documents.tooManyParts': 'Le corps multipart contient trop de parties.',
  'documents.truncated': 'Le corps multipart est mal formé ou tronqué.',

  // not found (webhooks)
  'notFound.Delivery': 'Livraison introuvable.',
  'notFound.Webhook': 'Webhook introuvable.',

  // merged from main: check-in rooms, recommendation contributions, reports, webhooks
  'checkIn.oneRoom': "Un scan se fait dans une seule salle : un point de l'ordre du jour ou un espace.",
  'checkIn.oneRoom.field': 'spaceId et agendaItemId ne peuvent pas être donnés ensemble',
  'outcomes.whoLinksContributions':
    'Seuls les rapporteurs du résultat et les organisateurs lient des contributions à ses recommandations.',
  'outcomes.unknownContribution':
    'Seules des contributions acceptées de ce dialogue peuvent être liées à ses recommandations.',
  'outcomes.unknownContribution.field': "aucune contribution acceptée de ce dialogue n'a cet identifiant",
  'reports.foreignFilters': "Certains filtres n'appartiennent pas à ce processus.",
  'webhooks.enableFirst': 'Activez le webhook avant de rejouer ses livraisons.',
  'webhooks.urlRefused': "L'URL du webhook est refusée.",
};
