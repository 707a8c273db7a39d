// Versioned migrations, applied in name order by Kysely's Migrator. Never edit one that has shipped.
import { type Kysely, type Migration, sql } from 'kysely';

export const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('department')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('code', 'text')
        .execute();
      await db.schema
        .createTable('file')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('bytes', 'bytea', (c) => c.notNull())
        .addColumn('stored_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('app_user')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'reviewer', 'editor')`))
        .addColumn('department_id', 'integer', (c) => c.references('department.id'))
        .execute();
      await db.schema
        .createTable('document')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id'))
        .addColumn('year', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('file_hash', 'text', (c) => c.notNull().unique().references('file.hash'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('superseded_by', 'integer', (c) => c.references('document.id'))
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('errors', 'integer', (c) => c.notNull())
        .addColumn('warnings', 'integer', (c) => c.notNull())
        .addColumn('infos', 'integer', (c) => c.notNull())
        .addColumn('model', 'jsonb', (c) => c.notNull())
        .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('imported_by', 'integer', (c) => c.references('app_user.id'))
        .execute();
      await db.schema
        .createIndex('document_department_year')
        .on('document')
        .columns(['department_id', 'year', 'kind'])
        .execute();
      await db.schema
        .createTable('cell')
        .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id').onDelete('cascade'))
        .addColumn('table_key', 'text', (c) => c.notNull())
        .addColumn('side', 'text')
        .addColumn('row_index', 'integer', (c) => c.notNull())
        .addColumn('row_code', 'text')
        .addColumn('row_name', 'text', (c) => c.notNull())
        .addColumn('column_index', 'integer', (c) => c.notNull())
        .addColumn('column_name', 'text', (c) => c.notNull())
        .addColumn('amount', 'numeric', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cell_document').on('cell').columns(['document_id', 'table_key']).execute();
      await db.schema
        .createTable('project')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id').onDelete('cascade'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('budget', 'numeric')
        .execute();
      await db.schema.createIndex('project_document').on('project').column('document_id').execute();
      await db.schema
        .createTable('indicator')
        .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
        .addColumn('level1', 'text', (c) => c.notNull())
        .addColumn('level2', 'text', (c) => c.notNull())
        .addColumn('level3', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('finding')
        .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id').onDelete('cascade'))
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('where', 'jsonb', (c) => c.notNull())
        .addColumn('expected', 'numeric')
        .addColumn('actual', 'numeric')
        .execute();
      await db.schema.createIndex('finding_document').on('finding').column('document_id').execute();
      await db.schema
        .createTable('session')
        .addColumn('token', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('csrf', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('user_id', 'integer')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'jsonb', (c) => c.notNull())
        .execute();
    },
  },
  // A user's correction of a stored document is a new version made from the same file: the file hash is
  // unique among imports only, and the version says which one it corrects and how.
  '0002-edits': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('document')
        .addColumn('edited_from', 'integer', (c) => c.references('document.id'))
        .addColumn('edits', 'jsonb')
        .execute();
      await db.schema.alterTable('document').dropConstraint('document_file_hash_key').execute();
      await sql`create unique index document_file_hash_imported on document (file_hash) where edited_from is null`.execute(
        db,
      );
    },
  },
  // Logins that can be locked after repeated failures, users that can be disabled, and sessions that end
  // after inactivity as well as at a fixed age.
  '0003-login-security': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('app_user')
        .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();
      await db.schema
        .alterTable('session')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('login_failure')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('login_failure_at').on('login_failure').column('at').execute();
    },
  },
  // Import jobs in the database: a restart resumes them, and several servers share them without importing
  // a file twice (each file is claimed with FOR UPDATE SKIP LOCKED).
  '0004-import-jobs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('import_job')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('total', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('import_job_file')
        .addColumn('job_id', 'text', (c) => c.notNull().references('import_job.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bytea')
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('waiting', 'running', 'finished')`),
        )
        .addColumn('progress', 'jsonb')
        .addColumn('outcome', 'jsonb')
        .addColumn('finished_seq', 'integer')
        .addColumn('claimed_by', 'text')
        .addColumn('heartbeat_at', 'timestamptz')
        .addPrimaryKeyConstraint('import_job_file_pk', ['job_id', 'position'])
        .execute();
      await db.schema.createIndex('import_job_file_state').on('import_job_file').column('state').execute();
      await db.schema
        .createIndex('import_job_user')
        .on('import_job')
        .columns(['user_id', 'created_at'])
        .execute();
    },
  },
  // The review: each finding's status and thread, kept per department, kind and year so that a new version
  // keeps them, and each version's review state.
  '0005-review': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('document')
        .addColumn('review_state', 'text', (c) =>
          c
            .notNull()
            .defaultTo('pending')
            .check(sql`review_state in ('pending', 'reviewing', 'returned', 'approved')`),
        )
        .addColumn('review_note', 'text')
        .execute();
      await db.schema
        .createTable('finding_review')
        .addColumn('department_id', 'integer', (c) =>
          c.notNull().references('department.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('new', 'confirmed', 'dismissed', 'fixed')`),
        )
        .addColumn('reason', 'text')
        .addColumn('fixed_in', 'integer', (c) => c.references('document.id').onDelete('set null'))
        .addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('finding_review_pk', ['department_id', 'kind', 'year', 'key'])
        .execute();
      await db.schema
        .createTable('finding_comment')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('department_id', 'integer', (c) =>
          c.notNull().references('department.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('finding_comment_thread')
        .on('finding_comment')
        .columns(['department_id', 'kind', 'year', 'key'])
        .execute();
    },
  },
  // A user given a password by someone else (created, reset, the first start's demo accounts) changes it
  // at the first login before doing anything else.
  '0006-password-change': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('app_user')
        .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();
    },
  },
  // Documents stored before the review existed were public: they stay so (通过), rather than all vanishing
  // from the anonymous readers' view on upgrade. Those stored since 0005 are left as the review left them.
  '0007-published-before-review': {
    async up(db: Kysely<unknown>) {
      await sql`
        update document set review_state = 'approved'
        where review_state = 'pending'
          and imported_at < (select timestamp::timestamptz from kysely_migration where name = '0005-review')
      `.execute(db);
    },
  },
  // The unit code and the 机构设置 units in columns of their own: the overview groups units under their
  // department at every request, and reading them out of each stored model made it read every model.
  '0008-units': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('document').addColumn('unit_code', 'text').execute();
      await sql`update document set unit_code = model #>> '{department,unitCode}'`.execute(db);
      await db.schema
        .createTable('org_unit')
        .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await sql`
        insert into org_unit (document_id, name)
        select distinct document.id, org.value ->> 'name'
        from document, jsonb_array_elements(coalesce(document.model -> 'units', '[]'::jsonb)) as org(value)
        where coalesce(org.value ->> 'name', '') <> ''
      `.execute(db);
      await db.schema.createIndex('org_unit_name').on('org_unit').column('name').execute();
      await db.schema.createIndex('org_unit_document').on('org_unit').column('document_id').execute();
    },
  },
  // Each finding's anchor (the model's indices of what it is about), as the check gave it. Findings stored
  // before have none: they are anchored from their place when read.
  '0009-finding-anchor': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('finding').addColumn('anchor', 'jsonb').execute();
    },
  },
  // The dates the score's 及时性 rests on, entered by a reviewer for a department's document of one kind and
  // year (year 0: none stated): every version shares them, as the review's statuses do.
  '0010-disclosure-dates': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('disclosure_date')
        .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('approved_on', 'date')
        .addColumn('published_on', 'date')
        .addColumn('set_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('set_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('disclosure_date_pk', ['department_id', 'kind', 'year'])
        .execute();
    },
  },
};
