import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125105747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "group_purchase" drop constraint if exists "group_purchase_cart_id_unique";`);
    this.addSql(`alter table if exists "group_member" drop constraint if exists "group_member_group_id_holder_unique";`);
    this.addSql(`alter table if exists "group_order" drop constraint if exists "group_order_code_unique";`);
    this.addSql(`create table if not exists "group_campaign" ("id" text not null, "title" text not null, "description" text null, "status" text check ("status" in ('active', 'closed')) not null default 'active', "product_ids" jsonb not null, "variant_ids" jsonb not null, "tiers" jsonb not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "max_units_per_member" integer null, "max_members" integer null, "currency_code" text not null, "region_id" text null, "promotion_campaign_id" text null, "closed_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_campaign_deleted_at" ON "group_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_campaign_status_ends_at" ON "group_campaign" ("status", "ends_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "group_order" ("id" text not null, "code" text not null, "status" text check ("status" in ('open', 'settling', 'settled', 'cancelled')) not null default 'open', "leader_customer_id" text not null, "held_units" integer not null default 0, "paid_units" integer not null default 0, "member_count" integer not null default 0, "announced_tier" integer not null default 0, "final_tier" integer null, "final_percent" numeric null, "promotions" jsonb not null, "settled_at" timestamptz null, "cancelled_at" timestamptz null, "settlement" jsonb null, "campaign_id" text not null, "metadata" jsonb null, "raw_final_percent" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_order_campaign_id" ON "group_order" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_order_deleted_at" ON "group_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_order_code_unique" ON "group_order" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_order_status" ON "group_order" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "group_member" ("id" text not null, "holder" text not null, "email" text not null, "customer_id" text null, "units" integer not null default 0, "group_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_member_group_id" ON "group_member" ("group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_member_deleted_at" ON "group_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_member_group_id_holder_unique" ON "group_member" ("group_id", "holder") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "group_purchase" ("id" text not null, "member_id" text not null, "cart_id" text not null, "order_id" text null, "email" text not null, "customer_id" text null, "units" integer not null, "status" text check ("status" in ('reserved', 'placed', 'cancelled')) not null default 'reserved', "paid_percent" numeric null, "eligible_subtotal" numeric null, "discount_paid" numeric null, "refund_amount" numeric null, "refund_status" text check ("refund_status" in ('pending', 'not_owed', 'refunded', 'failed')) not null default 'pending', "refund_id" text null, "refund_error" text null, "refunded_at" timestamptz null, "group_id" text not null, "raw_paid_percent" jsonb null, "raw_eligible_subtotal" jsonb null, "raw_discount_paid" jsonb null, "raw_refund_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_purchase_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_purchase_group_id" ON "group_purchase" ("group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_purchase_deleted_at" ON "group_purchase" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_purchase_cart_id_unique" ON "group_purchase" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_purchase_order_id" ON "group_purchase" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_purchase_group_id_status" ON "group_purchase" ("group_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "group_order" add constraint "group_order_campaign_id_foreign" foreign key ("campaign_id") references "group_campaign" ("id") on update cascade;`);

    this.addSql(`alter table if exists "group_member" add constraint "group_member_group_id_foreign" foreign key ("group_id") references "group_order" ("id") on update cascade;`);

    this.addSql(`alter table if exists "group_purchase" add constraint "group_purchase_group_id_foreign" foreign key ("group_id") references "group_order" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "group_order" drop constraint if exists "group_order_campaign_id_foreign";`);

    this.addSql(`alter table if exists "group_member" drop constraint if exists "group_member_group_id_foreign";`);

    this.addSql(`alter table if exists "group_purchase" drop constraint if exists "group_purchase_group_id_foreign";`);

    this.addSql(`drop table if exists "group_campaign" cascade;`);

    this.addSql(`drop table if exists "group_order" cascade;`);

    this.addSql(`drop table if exists "group_member" cascade;`);

    this.addSql(`drop table if exists "group_purchase" cascade;`);
  }

}
