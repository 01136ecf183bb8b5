import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A fan's or staff's cancellation claims its refund in PostgreSQL before the provider is called. */
export class Migration20261125214600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "preorder_item" add column if not exists "refund_status" text check ("refund_status" in ('claimed', 'refunded')) null, add column if not exists "refund_payment_id" text null, add column if not exists "refund_amount" numeric null, add column if not exists "raw_refund_amount" jsonb null, add column if not exists "refund_claimed_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preorder_item_refund_status" ON "preorder_item" ("refund_status") WHERE deleted_at IS NULL AND refund_status = 'claimed';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_preorder_item_refund_status";`);
    this.addSql(`alter table if exists "preorder_item" drop column if exists "refund_status", drop column if exists "refund_payment_id", drop column if exists "refund_amount", drop column if exists "raw_refund_amount", drop column if exists "refund_claimed_at";`);
  }

}
