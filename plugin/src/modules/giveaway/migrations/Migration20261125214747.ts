import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125214747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "giveaway_entrant" drop constraint if exists "giveaway_entrant_giveaway_id_customer_id_unique";`);
    this.addSql(`alter table if exists "giveaway_entrant" drop constraint if exists "giveaway_entrant_giveaway_id_entrant_unique";`);
    this.addSql(`create table if not exists "giveaway_entrant" ("id" text not null, "giveaway_id" text not null, "entrant" text not null, "customer_id" text not null, "entries" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "giveaway_entrant_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_entrant_deleted_at" ON "giveaway_entrant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_giveaway_entrant_giveaway_id_entrant_unique" ON "giveaway_entrant" ("giveaway_id", "entrant") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_giveaway_entrant_giveaway_id_customer_id_unique" ON "giveaway_entrant" ("giveaway_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_giveaway_entrant_customer_id" ON "giveaway_entrant" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "giveaway" add column if not exists "beacon_provider" text null, add column if not exists "beacon_chain" text null, add column if not exists "beacon_round" integer null, add column if not exists "beacon_round_at" timestamptz null, add column if not exists "entries_closed_at" timestamptz null, add column if not exists "entries_hash" text null, add column if not exists "entry_list" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "giveaway_entrant" cascade;`);

    this.addSql(`alter table if exists "giveaway" drop column if exists "beacon_provider", drop column if exists "beacon_chain", drop column if exists "beacon_round", drop column if exists "beacon_round_at", drop column if exists "entries_closed_at", drop column if exists "entries_hash", drop column if exists "entry_list";`);
  }

}
