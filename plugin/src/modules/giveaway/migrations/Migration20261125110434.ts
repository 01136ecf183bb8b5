import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125110434 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "giveaway_winner" drop constraint if exists "giveaway_winner_giveaway_id_customer_id_unique";`);
    this.addSql(`alter table if exists "giveaway_winner" drop constraint if exists "giveaway_winner_giveaway_id_rank_unique";`);
    this.addSql(`alter table if exists "giveaway_tally" drop constraint if exists "giveaway_tally_giveaway_id_customer_id_unique";`);
    this.addSql(`alter table if exists "giveaway_entry" drop constraint if exists "giveaway_entry_giveaway_id_order_line_item_id_unique";`);
    this.addSql(`create table if not exists "giveaway" ("id" text not null, "title" text not null, "description" text null, "prize" text not null, "winners_count" integer not null default 1, "alternates_count" integer not null default 0, "product_ids" jsonb null, "variant_ids" jsonb null, "entries_per_unit" integer not null default 1, "max_entries_per_customer" integer null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "eligible_countries" jsonb null, "min_age" integer null, "rules_text" text null, "rules_url" text null, "free_entry_enabled" boolean not null default false, "free_entries_per_day" integer not null default 1, "claim_days" integer not null default 14, "status" text check ("status" in ('draft', 'live', 'drawn', 'closed')) not null default 'draft', "seed" text null, "seed_hash" text null, "public_value" text null, "algorithm" text null, "went_live_at" timestamptz null, "drawn_at" timestamptz null, "closed_at" timestamptz null, "published_draw" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "giveaway_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_deleted_at" ON "giveaway" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_status_ends_at" ON "giveaway" ("status", "ends_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "giveaway_audit_log" ("id" text not null, "giveaway_id" text not null, "actor_type" text check ("actor_type" in ('user', 'system', 'customer')) not null, "actor_id" text null, "action" text not null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "giveaway_audit_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_audit_log_deleted_at" ON "giveaway_audit_log" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_audit_log_giveaway_id_created_at" ON "giveaway_audit_log" ("giveaway_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "giveaway_entry" ("id" text not null, "giveaway_id" text not null, "customer_id" text not null, "email" text not null, "source" text check ("source" in ('purchase', 'free')) not null, "order_id" text null, "order_line_item_id" text null, "product_id" text null, "variant_id" text null, "units" integer not null default 0, "returned_units" integer not null default 0, "requested_entries" integer not null default 0, "entries" integer not null default 0, "voided_entries" integer not null default 0, "void_reason" text null, "voided_at" timestamptz null, "country_code" text null, "region" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "giveaway_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_entry_giveaway_id" ON "giveaway_entry" ("giveaway_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_entry_deleted_at" ON "giveaway_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_giveaway_entry_giveaway_id_order_line_item_id_unique" ON "giveaway_entry" ("giveaway_id", "order_line_item_id") WHERE deleted_at IS NULL AND order_line_item_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_entry_giveaway_id_customer_id" ON "giveaway_entry" ("giveaway_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_entry_order_id" ON "giveaway_entry" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_entry_customer_id" ON "giveaway_entry" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "giveaway_tally" ("id" text not null, "giveaway_id" text not null, "customer_id" text not null, "entries" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "giveaway_tally_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_tally_deleted_at" ON "giveaway_tally" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_giveaway_tally_giveaway_id_customer_id_unique" ON "giveaway_tally" ("giveaway_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "giveaway_winner" ("id" text not null, "giveaway_id" text not null, "customer_id" text not null, "email" text not null, "entrant" text not null, "entries" integer not null, "rank" integer not null, "kind" text check ("kind" in ('winner', 'alternate')) not null, "status" text check ("status" in ('pending', 'notified', 'claimed', 'disqualified')) not null default 'pending', "public_name" text null, "public_region" text null, "claim_deadline" timestamptz null, "notified_at" timestamptz null, "claimed_at" timestamptz null, "disqualified_at" timestamptz null, "disqualify_reason" text null, "promoted_at" timestamptz null, "replaces_winner_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "giveaway_winner_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_winner_giveaway_id" ON "giveaway_winner" ("giveaway_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_winner_deleted_at" ON "giveaway_winner" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_giveaway_winner_giveaway_id_rank_unique" ON "giveaway_winner" ("giveaway_id", "rank") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_giveaway_winner_giveaway_id_customer_id_unique" ON "giveaway_winner" ("giveaway_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "giveaway_entry" add constraint "giveaway_entry_giveaway_id_foreign" foreign key ("giveaway_id") references "giveaway" ("id") on update cascade;`);

    this.addSql(`alter table if exists "giveaway_winner" add constraint "giveaway_winner_giveaway_id_foreign" foreign key ("giveaway_id") references "giveaway" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "giveaway_entry" drop constraint if exists "giveaway_entry_giveaway_id_foreign";`);

    this.addSql(`alter table if exists "giveaway_winner" drop constraint if exists "giveaway_winner_giveaway_id_foreign";`);

    this.addSql(`drop table if exists "giveaway" cascade;`);

    this.addSql(`drop table if exists "giveaway_audit_log" cascade;`);

    this.addSql(`drop table if exists "giveaway_entry" cascade;`);

    this.addSql(`drop table if exists "giveaway_tally" cascade;`);

    this.addSql(`drop table if exists "giveaway_winner" cascade;`);
  }

}
