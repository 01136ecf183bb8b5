import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125111110 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "app_session" drop constraint if exists "app_session_attestation_id_unique";`);
    this.addSql(`alter table if exists "app_session" drop constraint if exists "app_session_token_hash_unique";`);
    this.addSql(`alter table if exists "app_redemption_tally" drop constraint if exists "app_redemption_tally_promotion_id_holder_unique";`);
    this.addSql(`alter table if exists "app_redemption" drop constraint if exists "app_redemption_cart_id_promotion_id_unique";`);
    this.addSql(`alter table if exists "app_promotion" drop constraint if exists "app_promotion_promotion_id_unique";`);
    this.addSql(`alter table if exists "app_channel" drop constraint if exists "app_channel_sales_channel_id_unique";`);
    this.addSql(`alter table if exists "app_cart" drop constraint if exists "app_cart_cart_id_unique";`);
    this.addSql(`create table if not exists "app_cart" ("id" text not null, "cart_id" text not null, "session_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "app_cart_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_cart_deleted_at" ON "app_cart" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_app_cart_cart_id_unique" ON "app_cart" ("cart_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "app_channel" ("id" text not null, "sales_channel_id" text not null, "platform" text check ("platform" in ('ios', 'android', 'both')) not null default 'both', "provider_id" text not null default 'signed-token', "session_ttl_minutes" integer not null default 30, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "app_channel_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_channel_deleted_at" ON "app_channel" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_app_channel_sales_channel_id_unique" ON "app_channel" ("sales_channel_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "app_promotion" ("id" text not null, "promotion_id" text not null, "code" text not null, "sales_channel_ids" jsonb not null, "title" text null, "description" text null, "public_code" boolean not null default true, "per_customer_limit" integer null, "per_device_limit" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "app_promotion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_promotion_deleted_at" ON "app_promotion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_app_promotion_promotion_id_unique" ON "app_promotion" ("promotion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_promotion_code" ON "app_promotion" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "app_redemption" ("id" text not null, "promotion_id" text not null, "code" text not null, "cart_id" text not null, "order_id" text null, "session_id" text not null, "sales_channel_id" text not null, "device_id" text not null, "platform" text not null, "email" text not null, "customer_id" text null, "status" text check ("status" in ('reserved', 'placed', 'cancelled')) not null default 'reserved', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "app_redemption_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_redemption_deleted_at" ON "app_redemption" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_app_redemption_cart_id_promotion_id_unique" ON "app_redemption" ("cart_id", "promotion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_redemption_order_id" ON "app_redemption" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "app_redemption_tally" ("id" text not null, "promotion_id" text not null, "holder" text not null, "uses" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "app_redemption_tally_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_redemption_tally_deleted_at" ON "app_redemption_tally" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_app_redemption_tally_promotion_id_holder_unique" ON "app_redemption_tally" ("promotion_id", "holder") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "app_session" ("id" text not null, "token_hash" text not null, "sales_channel_id" text not null, "provider_id" text not null, "key_id" text null, "attestation_id" text not null, "device_id" text not null, "platform" text check ("platform" in ('ios', 'android')) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "app_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_session_deleted_at" ON "app_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_app_session_token_hash_unique" ON "app_session" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_app_session_attestation_id_unique" ON "app_session" ("attestation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_app_session_device_id" ON "app_session" ("device_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "app_cart" cascade;`);

    this.addSql(`drop table if exists "app_channel" cascade;`);

    this.addSql(`drop table if exists "app_promotion" cascade;`);

    this.addSql(`drop table if exists "app_redemption" cascade;`);

    this.addSql(`drop table if exists "app_redemption_tally" cascade;`);

    this.addSql(`drop table if exists "app_session" cascade;`);
  }

}
