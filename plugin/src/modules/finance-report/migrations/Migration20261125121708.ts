import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125121708 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "finance_order_row" drop constraint if exists "finance_order_row_order_id_unique";`);
    this.addSql(`create table if not exists "finance_order_row" ("id" text not null, "order_id" text not null, "display_id" integer null, "order_created_at" timestamptz not null, "order_updated_at" timestamptz not null, "sales_channel_id" text null, "region_id" text null, "currency_code" text not null, "status" text not null, "payment_status" text not null, "facts" jsonb not null, "order_row" jsonb not null, "line_rows" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "finance_order_row_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finance_order_row_deleted_at" ON "finance_order_row" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_finance_order_row_order_id_unique" ON "finance_order_row" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finance_order_row_order_created_at_order_id" ON "finance_order_row" ("order_created_at", "order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finance_order_row_sales_channel_id" ON "finance_order_row" ("sales_channel_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finance_order_row_region_id" ON "finance_order_row" ("region_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance_order_row" cascade;`);
  }

}
