import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema: staff, the process (themes, informal sessions), dialogues, spaces,
 * agenda, registrations, invitations and the email outbox. Times are timestamptz (UTC
 * instants) with the IANA zone kept beside them.
 */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','organizer','coordinator')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);

      CREATE TABLE themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        title text NOT NULL
      );

      CREATE TABLE informal_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number int NOT NULL UNIQUE,
        title text NOT NULL,
        theme_id uuid NOT NULL REFERENCES themes(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue text NOT NULL,
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      );

      CREATE TABLE dialogues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        informal_session_id uuid NOT NULL REFERENCES informal_sessions(id),
        theme_ids uuid[] NOT NULL DEFAULT '{}',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone text NOT NULL,
        venue text NOT NULL DEFAULT '',
        format text NOT NULL CHECK (format IN ('in_person','hybrid','online')),
        online_url text,
        capacity int NOT NULL CHECK (capacity >= 0),
        registration_opens_at timestamptz,
        registration_closes_at timestamptz,
        approval_required boolean NOT NULL DEFAULT false,
        stakeholder_quotas jsonb,
        languages text[] NOT NULL DEFAULT '{en}',
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','published','registration_closed','concluded','cancelled')),
        confirmed_count int NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0),
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX dialogues_session_idx ON dialogues (informal_session_id);
      CREATE INDEX dialogues_status_starts_idx ON dialogues (status, starts_at);
      CREATE INDEX dialogues_theme_ids_idx ON dialogues USING gin (theme_ids);

      CREATE TABLE spaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL
          CHECK (kind IN ('plenary','common_space','civil_society','business','government','side_event')),
        coordinating_group text,
        coordinator_user_ids uuid[] NOT NULL DEFAULT '{}',
        capacity int CHECK (capacity IS NULL OR capacity >= 0),
        access text NOT NULL DEFAULT 'open' CHECK (access IN ('open','group_only','approval','invitation_only')),
        allowed_groups text[],
        description text,
        rooms text[] NOT NULL DEFAULT '{}',
        confirmed_count int NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX spaces_dialogue_idx ON spaces (dialogue_id);
      CREATE INDEX spaces_coordinators_idx ON spaces USING gin (coordinator_user_ids);

      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        space_id uuid REFERENCES spaces(id) ON DELETE CASCADE,
        title text NOT NULL,
        description text,
        kind text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        room text,
        speakers jsonb NOT NULL DEFAULT '[]',
        theme_ids uuid[] NOT NULL DEFAULT '{}',
        sequence int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX agenda_items_dialogue_idx ON agenda_items (dialogue_id, starts_at);

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        email text NOT NULL,
        email_normalized text NOT NULL,
        name text,
        stakeholder_group text,
        preferred_language text NOT NULL DEFAULT 'en',
        space_ids uuid[] NOT NULL DEFAULT '{}',
        message text,
        token_hash text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued','sent','failed','registered','declined')),
        sent_at timestamptz,
        last_error text,
        registration_id uuid,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (dialogue_id, email_normalized)
      );
      CREATE INDEX invitations_dialogue_status_idx ON invitations (dialogue_id, status);

      CREATE TABLE registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        arrival bigserial NOT NULL,
        email text NOT NULL,
        email_normalized text NOT NULL,
        title text,
        first_name text NOT NULL,
        last_name text NOT NULL,
        organization text NOT NULL,
        job_title text,
        stakeholder_group text NOT NULL,
        country char(2) NOT NULL,
        preferred_language text NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en','fr','es')),
        accessibility_needs text,
        consent_at timestamptz,
        status text NOT NULL CHECK (status IN ('pending','confirmed','waitlisted','declined','cancelled')),
        manage_token_hash text UNIQUE,
        invitation_id uuid REFERENCES invitations(id) ON DELETE SET NULL,
        checked_in_at timestamptz,
        cancelled_at timestamptz,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX registrations_active_email_key ON registrations (dialogue_id, email_normalized)
        WHERE status IN ('pending','confirmed','waitlisted');
      CREATE INDEX registrations_dialogue_status_idx ON registrations (dialogue_id, status, arrival);
      CREATE INDEX registrations_email_idx ON registrations (email_normalized);

      CREATE TABLE registration_spaces (
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('pending','confirmed','waitlisted','declined','cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (registration_id, space_id)
      );
      CREATE INDEX registration_spaces_space_status_idx ON registration_spaces (space_id, status);

      CREATE TABLE outbound_emails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        recipient text NOT NULL,
        language text NOT NULL DEFAULT 'en',
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        headers jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','queued','sending','sent','failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        provider_message_id text,
        idempotency_key text NOT NULL UNIQUE,
        dialogue_id uuid,
        registration_id uuid,
        invitation_id uuid,
        send_after timestamptz,
        locked_until timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX outbound_emails_unsent_idx ON outbound_emails (status, send_after) WHERE status <> 'sent';
      CREATE INDEX outbound_emails_recipient_idx ON outbound_emails (lower(recipient));
      CREATE INDEX outbound_emails_registration_idx ON outbound_emails (registration_id);
      CREATE INDEX outbound_emails_invitation_idx ON outbound_emails (invitation_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE outbound_emails; DROP TABLE registration_spaces; DROP TABLE registrations;
      DROP TABLE invitations; DROP TABLE agenda_items; DROP TABLE spaces; DROP TABLE dialogues;
      DROP TABLE informal_sessions; DROP TABLE themes; DROP TABLE users;
    `);
  }
}
