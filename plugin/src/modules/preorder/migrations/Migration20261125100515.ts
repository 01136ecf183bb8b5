import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125100515 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "preorder_tally" drop constraint if exists "preorder_tally_plan_id_holder_unique";`);
    this.addSql(`alter table if exists "preorder_item" drop constraint if exists "preorder_item_cart_line_item_id_unique";`);
    this.addSql(`alter table if exists "preorder_plan" drop constraint if exists "preorder_plan_variant_id_unique";`);
    this.addSql(`create table if not exists "preorder_plan" ("id" text not null, "variant_id" text not null, "product_id" text not null, "status" text check ("status" in ('draft', 'active', 'released', 'cancelled')) not null default 'draft', "release_date" timestamptz not null, "original_release_date" timestamptz null, "window_opens_at" timestamptz not null, "window_closes_at" timestamptz null, "estimated_ship_date" timestamptz null, "cap" integer null, "reserved_units" integer not null default 0, "per_customer_limit" integer null, "benefit_note" text null, "benefit_pool" integer null, "benefits_given" integer not null default 0, "date_history" jsonb null, "released_at" timestamptz null, "received_quantity" integer null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "preorder_plan_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_plan_deleted_at" ON "preorder_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_preorder_plan_variant_id_unique" ON "preorder_plan" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_plan_product_id" ON "preorder_plan" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_plan_status_release_date" ON "preorder_plan" ("status", "release_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "preorder_item" ("id" text not null, "plan_id" text not null, "variant_id" text not null, "cart_id" text not null, "cart_line_item_id" text not null, "order_id" text null, "order_line_item_id" text null, "customer_id" text null, "email" text not null, "quantity" integer not null, "status" text check ("status" in ('reserved', 'pending', 'ready', 'cancelled')) not null default 'reserved', "release_date" timestamptz not null, "ordered_release_date" timestamptz not null, "benefit_units" integer not null default 0, "allocated_units" integer null, "released_at" timestamptz null, "cancelled_at" timestamptz null, "cancel_reason" text null, "refund_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "preorder_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_item_plan_id" ON "preorder_item" ("plan_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_item_deleted_at" ON "preorder_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_preorder_item_cart_line_item_id_unique" ON "preorder_item" ("cart_line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_item_order_id" ON "preorder_item" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_item_customer_id" ON "preorder_item" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_item_email" ON "preorder_item" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_item_status" ON "preorder_item" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "preorder_tally" ("id" text not null, "plan_id" text not null, "holder" text not null, "units" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "preorder_tally_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_tally_deleted_at" ON "preorder_tally" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_preorder_tally_plan_id_holder_unique" ON "preorder_tally" ("plan_id", "holder") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "preorder_item" add constraint "preorder_item_plan_id_foreign" foreign key ("plan_id") references "preorder_plan" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "preorder_item" drop constraint if exists "preorder_item_plan_id_foreign";`);

    this.addSql(`drop table if exists "preorder_plan" cascade;`);

    this.addSql(`drop table if exists "preorder_item" cascade;`);

    this.addSql(`drop table if exists "preorder_tally" cascade;`);
  }

}
