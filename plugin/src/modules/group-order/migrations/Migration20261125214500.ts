import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Settlement refunds are claimed in PostgreSQL (refunding + refund_claimed_at)
 * before the provider is called; one open group per leader and campaign.
 */
export class Migration20261125214500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "group_purchase" drop constraint if exists "group_purchase_refund_status_check";`);
    this.addSql(`alter table if exists "group_purchase" add constraint "group_purchase_refund_status_check" check ("refund_status" in ('pending', 'not_owed', 'refunding', 'refunded', 'failed'));`);
    this.addSql(`alter table if exists "group_purchase" add column if not exists "refund_claimed_at" timestamptz null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_order_campaign_id_leader_customer_id_unique" ON "group_order" ("campaign_id", "leader_customer_id") WHERE status = 'open' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_group_order_campaign_id_leader_customer_id_unique";`);
    this.addSql(`update "group_purchase" set "refund_status" = 'failed' where "refund_status" = 'refunding';`);
    this.addSql(`alter table if exists "group_purchase" drop column if exists "refund_claimed_at";`);
    this.addSql(`alter table if exists "group_purchase" drop constraint if exists "group_purchase_refund_status_check";`);
    this.addSql(`alter table if exists "group_purchase" add constraint "group_purchase_refund_status_check" check ("refund_status" in ('pending', 'not_owed', 'refunded', 'failed'));`);
  }

}
