CREATE TABLE "outbox_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"store_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_store_id_scope_key_pk" PRIMARY KEY("store_id","scope","key")
);
--> statement-breakpoint
CREATE TABLE "aftersales_ticket" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"text" text NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_fen" integer,
	"status" text NOT NULL,
	"photo" text,
	"refund_fen" integer,
	"refund_id" text,
	"decision_note" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aftersales_ticket_money_ck" CHECK ((requested_fen is null or requested_fen >= 0) and (refund_fen is null or refund_fen > 0))
);
--> statement-breakpoint
CREATE TABLE "catalog_category" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_product" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"category_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"images" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"no_show_policy" text DEFAULT 'refund' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_sku" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"spec" text NOT NULL,
	"unit" text NOT NULL,
	"barcode" text,
	"price_fen" integer NOT NULL,
	"weighed" boolean DEFAULT false NOT NULL,
	"supplier_id" uuid,
	"case_pack" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_sku_price_ck" CHECK (price_fen >= 0),
	CONSTRAINT "catalog_sku_case_pack_ck" CHECK (case_pack >= 1)
);
--> statement-breakpoint
CREATE TABLE "catalog_supplier" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"case_pack_default" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_supplier_case_pack_ck" CHECK (case_pack_default >= 1)
);
--> statement-breakpoint
CREATE TABLE "customer_credit_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"reason" text NOT NULL,
	"order_id" uuid,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_credit_entry_amount_ck" CHECK (amount_fen <> 0)
);
--> statement-breakpoint
CREATE TABLE "customer_store" (
	"customer_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_store_customer_id_store_id_pk" PRIMARY KEY("customer_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "customer_customer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"nickname" text DEFAULT '' NOT NULL,
	"first_store_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_otp" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gb_po_allocation" (
	"store_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"received_qty" integer NOT NULL,
	"allocated_qty" integer NOT NULL,
	"short_qty" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gb_po_line" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"po_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"spec" text NOT NULL,
	"unit" text NOT NULL,
	"demand_qty" integer NOT NULL,
	"buffer_qty" integer NOT NULL,
	"case_pack" integer NOT NULL,
	"cases" integer NOT NULL,
	"ordered_qty" integer NOT NULL,
	"received_qty" integer DEFAULT 0 NOT NULL,
	"unit_cost_fen" integer,
	"note" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "gb_po_line_qty_ck" CHECK (demand_qty > 0 and ordered_qty >= demand_qty and received_qty >= 0 and case_pack >= 1)
);
--> statement-breakpoint
CREATE TABLE "gb_po_purchase_order" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"number" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"supplier_id" uuid,
	"supplier_key" text NOT NULL,
	"supplier_name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"loss_buffer_bp" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gb_po_loss_buffer_ck" CHECK (loss_buffer_bp >= 0 and loss_buffer_bp <= 10000)
);
--> statement-breakpoint
CREATE TABLE "gb_po_receipt_line" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"receipt_id" uuid NOT NULL,
	"po_line_id" uuid NOT NULL,
	"received_qty" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"movement_id" integer,
	CONSTRAINT "gb_po_receipt_line_qty_ck" CHECK (received_qty >= 0)
);
--> statement-breakpoint
CREATE TABLE "gb_po_receipt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"po_id" uuid NOT NULL,
	"actor" text NOT NULL,
	"actor_name" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gb_po_setting" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"loss_buffer_bp" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gb_po_setting_loss_buffer_ck" CHECK (loss_buffer_bp >= 0 and loss_buffer_bp <= 10000)
);
--> statement-breakpoint
CREATE TABLE "gb_buyer_item" (
	"store_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"qty" integer NOT NULL,
	CONSTRAINT "gb_buyer_item_qty_ck" CHECK (qty >= 0)
);
--> statement-breakpoint
CREATE TABLE "gb_campaign" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"open_at" timestamp with time zone NOT NULL,
	"cutoff_at" timestamp with time zone NOT NULL,
	"pickup_date" date NOT NULL,
	"min_kind" text NOT NULL,
	"min_value" integer NOT NULL,
	"decided_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"buyers_at_cutoff" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "gb_campaign_window_ck" CHECK (cutoff_at > open_at and min_value >= 0)
);
--> statement-breakpoint
CREATE TABLE "gb_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"campaign_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"slot_id" uuid,
	"lines" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"settled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gb_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"sku_id" uuid NOT NULL,
	"price_fen" integer NOT NULL,
	"tiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_cap" integer,
	"per_person_cap" integer,
	"sold" integer DEFAULT 0 NOT NULL,
	"final_price_fen" integer,
	"sold_at_cutoff" integer,
	CONSTRAINT "gb_item_cap_ck" CHECK (sold >= 0 and (total_cap is null or sold <= total_cap) and price_fen >= 0)
);
--> statement-breakpoint
CREATE TABLE "gb_no_show" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"step" text NOT NULL,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"refund_fen" integer DEFAULT 0 NOT NULL,
	"credit_fen" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gb_no_show_money_ck" CHECK (refund_fen >= 0 and credit_fen >= 0)
);
--> statement-breakpoint
CREATE TABLE "gb_settings" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"no_show_grace_days" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gb_slot" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"label" text NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "gb_slot_cap_ck" CHECK (booked >= 0 and booked <= capacity)
);
--> statement-breakpoint
CREATE TABLE "inv_level" (
	"store_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inv_level_store_id_sku_id_pk" PRIMARY KEY("store_id","sku_id"),
	CONSTRAINT "inv_level_on_hand_ck" CHECK (on_hand >= 0),
	CONSTRAINT "inv_level_reserved_ck" CHECK (reserved >= 0),
	CONSTRAINT "inv_level_reserved_le_on_hand_ck" CHECK (reserved <= on_hand)
);
--> statement-breakpoint
CREATE TABLE "inv_movement" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_hand_delta" integer NOT NULL,
	"reserved_delta" integer NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"reservation_id" uuid,
	"order_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"actor" text NOT NULL,
	"actor_name" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inv_reservation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"order_id" uuid,
	"order_line_id" uuid,
	"qty" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inv_reservation_qty_ck" CHECK (qty > 0)
);
--> statement-breakpoint
CREATE TABLE "live_flash_buyer" (
	"flash_sale_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"qty" integer NOT NULL,
	CONSTRAINT "live_flash_buyer_flash_sale_id_customer_id_pk" PRIMARY KEY("flash_sale_id","customer_id"),
	CONSTRAINT "live_flash_buyer_qty_ck" CHECK ("live_flash_buyer"."qty" > 0)
);
--> statement-breakpoint
CREATE TABLE "live_flash_sale" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"show_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"title" text NOT NULL,
	"price_fen" integer NOT NULL,
	"original_price_fen" integer NOT NULL,
	"total" integer NOT NULL,
	"remaining" integer NOT NULL,
	"per_person_limit" integer NOT NULL,
	"reservation_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "live_flash_sale_remaining_ck" CHECK ("live_flash_sale"."remaining" >= 0 and "live_flash_sale"."remaining" <= "live_flash_sale"."total")
);
--> statement-breakpoint
CREATE TABLE "live_sale" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"show_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"customer_id" uuid,
	"sku_id" uuid NOT NULL,
	"title" text NOT NULL,
	"qty" integer NOT NULL,
	"amount_fen" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_voucher_drop" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"show_id" uuid NOT NULL,
	"title" text NOT NULL,
	"total" integer NOT NULL,
	"remaining" integer NOT NULL,
	"valid_days" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_voucher_drop_remaining_ck" CHECK ("live_voucher_drop"."remaining" >= 0 and "live_voucher_drop"."remaining" <= "live_voucher_drop"."total")
);
--> statement-breakpoint
CREATE TABLE "live_voucher" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"drop_id" uuid NOT NULL,
	"show_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"redeemed_by" uuid,
	"redeem_request_id" uuid
);
--> statement-breakpoint
CREATE TABLE "live_chat_message" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"show_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"author" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "live_giveaway_entry" (
	"giveaway_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_giveaway_entry_giveaway_id_customer_id_pk" PRIMARY KEY("giveaway_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "live_giveaway" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"show_id" uuid NOT NULL,
	"prize" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"winner_customer_id" uuid,
	"winner_label" text,
	"eligible" integer,
	"drawn_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_room_block" (
	"store_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_room_block_store_id_customer_id_pk" PRIMARY KEY("store_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "live_room_mute" (
	"show_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_room_mute_show_id_customer_id_pk" PRIMARY KEY("show_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "live_room_settings" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"blocked_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_room_state" (
	"show_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	"peak_viewers" integer DEFAULT 0 NOT NULL,
	"peak_at" timestamp with time zone,
	"pinned" jsonb
);
--> statement-breakpoint
CREATE TABLE "live_room_viewer" (
	"show_id" uuid NOT NULL,
	"viewer_key" text NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"session_started_at" timestamp with time zone NOT NULL,
	"watch_ms" integer DEFAULT 0 NOT NULL,
	"sessions" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "live_room_viewer_show_id_viewer_key_pk" PRIMARY KEY("show_id","viewer_key")
);
--> statement-breakpoint
CREATE TABLE "live_show_extra" (
	"show_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"cover_image_url" text,
	"sku_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"access" text DEFAULT 'public' NOT NULL,
	"invite_token" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_show_reminder" (
	"show_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "live_show_reminder_show_id_customer_id_pk" PRIMARY KEY("show_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "live_show" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scheduled_at" timestamp with time zone,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"stream_key_id" uuid,
	"host_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_stream_key" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"host_staff_id" uuid NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"key_hash" text NOT NULL,
	"key_hint" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_message" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid,
	"phone" text NOT NULL,
	"channel" text DEFAULT 'sms' NOT NULL,
	"template" text NOT NULL,
	"params" jsonb NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_pickup_miss" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"code" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_pickup_verification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"request_id" text NOT NULL,
	"code" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"device" text,
	"collected_fen" integer DEFAULT 0 NOT NULL,
	"reservation_ids" jsonb NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
CREATE TABLE "order_line" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"sku_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"spec" text NOT NULL,
	"unit" text NOT NULL,
	"qty" integer NOT NULL,
	"unit_price_fen" integer NOT NULL,
	"line_total_fen" integer NOT NULL,
	"reservation_id" uuid,
	"refunded_qty" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "order_line_qty_ck" CHECK (qty > 0 and refunded_qty >= 0 and refunded_qty <= qty)
);
--> statement-breakpoint
CREATE TABLE "order_refund" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"reason" text NOT NULL,
	"lines" jsonb NOT NULL,
	"payment_refund_id" text,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_refund_amount_ck" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "order_order" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"fulfilment" text NOT NULL,
	"payment_method" text NOT NULL,
	"total_fen" integer NOT NULL,
	"paid_fen" integer DEFAULT 0 NOT NULL,
	"refunded_fen" integer DEFAULT 0 NOT NULL,
	"pickup_code" text NOT NULL,
	"payment_ref" text,
	"pay_by" timestamp with time zone,
	"source_ref" text,
	"note" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "order_order_money_ck" CHECK (paid_fen >= 0 and refunded_fen >= 0 and refunded_fen <= paid_fen and paid_fen <= total_fen)
);
--> statement-breakpoint
CREATE TABLE "pay_notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"notify_id" text,
	"store_id" uuid,
	"payment_id" uuid,
	"raw_body" text NOT NULL,
	"signature_ok" boolean NOT NULL,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pay_payment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"status" text NOT NULL,
	"provider_ref" text,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"refunded_fen" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"succeeded_at" timestamp with time zone,
	CONSTRAINT "pay_payment_amounts_ck" CHECK ("pay_payment"."amount_fen" > 0 and "pay_payment"."refunded_fen" >= 0 and "pay_payment"."refunded_fen" <= "pay_payment"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "pay_refund" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	"provider_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"succeeded_at" timestamp with time zone,
	CONSTRAINT "pay_refund_amount_ck" CHECK ("pay_refund"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "tenancy_organisation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenancy_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tenancy_staff" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"login" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenancy_membership" (
	"staff_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenancy_store" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_product" ADD CONSTRAINT "catalog_product_category_id_catalog_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."catalog_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_sku" ADD CONSTRAINT "catalog_sku_product_id_catalog_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_sku" ADD CONSTRAINT "catalog_sku_supplier_id_catalog_supplier_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."catalog_supplier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_store" ADD CONSTRAINT "customer_store_customer_id_customer_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer_customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_po_line" ADD CONSTRAINT "gb_po_line_po_id_gb_po_purchase_order_id_fk" FOREIGN KEY ("po_id") REFERENCES "public"."gb_po_purchase_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_po_receipt_line" ADD CONSTRAINT "gb_po_receipt_line_receipt_id_gb_po_receipt_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."gb_po_receipt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_po_receipt_line" ADD CONSTRAINT "gb_po_receipt_line_po_line_id_gb_po_line_id_fk" FOREIGN KEY ("po_line_id") REFERENCES "public"."gb_po_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_po_receipt" ADD CONSTRAINT "gb_po_receipt_po_id_gb_po_purchase_order_id_fk" FOREIGN KEY ("po_id") REFERENCES "public"."gb_po_purchase_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_buyer_item" ADD CONSTRAINT "gb_buyer_item_item_id_gb_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."gb_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_entry" ADD CONSTRAINT "gb_entry_campaign_id_gb_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."gb_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_item" ADD CONSTRAINT "gb_item_campaign_id_gb_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."gb_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_no_show" ADD CONSTRAINT "gb_no_show_campaign_id_gb_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."gb_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gb_slot" ADD CONSTRAINT "gb_slot_campaign_id_gb_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."gb_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_giveaway_entry" ADD CONSTRAINT "live_giveaway_entry_giveaway_id_live_giveaway_id_fk" FOREIGN KEY ("giveaway_id") REFERENCES "public"."live_giveaway"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_show" ADD CONSTRAINT "live_show_stream_key_id_live_stream_key_id_fk" FOREIGN KEY ("stream_key_id") REFERENCES "public"."live_stream_key"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_pickup_verification" ADD CONSTRAINT "order_pickup_verification_order_id_order_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_order_id_order_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refund" ADD CONSTRAINT "order_refund_order_id_order_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_refund" ADD CONSTRAINT "pay_refund_payment_id_pay_payment_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."pay_payment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancy_staff" ADD CONSTRAINT "tenancy_staff_org_id_tenancy_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."tenancy_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancy_membership" ADD CONSTRAINT "tenancy_membership_staff_id_tenancy_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."tenancy_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancy_membership" ADD CONSTRAINT "tenancy_membership_store_id_tenancy_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."tenancy_store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancy_store" ADD CONSTRAINT "tenancy_store_org_id_tenancy_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."tenancy_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_event_pending_idx" ON "outbox_event" USING btree ("id") WHERE dispatched_at is null;--> statement-breakpoint
CREATE INDEX "aftersales_ticket_store_idx" ON "aftersales_ticket" USING btree ("store_id","status","created_at");--> statement-breakpoint
CREATE INDEX "aftersales_ticket_customer_idx" ON "aftersales_ticket" USING btree ("store_id","customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "aftersales_ticket_open_uq" ON "aftersales_ticket" USING btree ("order_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_category_name_uq" ON "catalog_category" USING btree ("store_id","name");--> statement-breakpoint
CREATE INDEX "catalog_product_store_idx" ON "catalog_product" USING btree ("store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_sku_barcode_uq" ON "catalog_sku" USING btree ("store_id","barcode") WHERE barcode is not null;--> statement-breakpoint
CREATE INDEX "catalog_sku_product_idx" ON "catalog_sku" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "catalog_sku_store_idx" ON "catalog_sku" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "catalog_supplier_store_idx" ON "catalog_supplier" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "customer_credit_entry_customer_idx" ON "customer_credit_entry" USING btree ("store_id","customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_credit_entry_order_uq" ON "customer_credit_entry" USING btree ("store_id","order_id","reason") WHERE order_id is not null;--> statement-breakpoint
CREATE INDEX "customer_store_store_idx" ON "customer_store" USING btree ("store_id","first_seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_customer_org_phone_uq" ON "customer_customer" USING btree ("org_id","phone");--> statement-breakpoint
CREATE INDEX "customer_otp_phone_idx" ON "customer_otp" USING btree ("org_id","phone","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gb_po_allocation_uq" ON "gb_po_allocation" USING btree ("store_id","campaign_id","sku_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gb_po_line_sku_uq" ON "gb_po_line" USING btree ("po_id","sku_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gb_po_campaign_supplier_uq" ON "gb_po_purchase_order" USING btree ("store_id","campaign_id","supplier_key");--> statement-breakpoint
CREATE UNIQUE INDEX "gb_po_number_uq" ON "gb_po_purchase_order" USING btree ("store_id","number");--> statement-breakpoint
CREATE INDEX "gb_po_store_created_idx" ON "gb_po_purchase_order" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "gb_po_receipt_line_idx" ON "gb_po_receipt_line" USING btree ("receipt_id");--> statement-breakpoint
CREATE INDEX "gb_po_receipt_po_idx" ON "gb_po_receipt" USING btree ("store_id","po_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gb_buyer_item_uq" ON "gb_buyer_item" USING btree ("item_id","customer_id");--> statement-breakpoint
CREATE INDEX "gb_campaign_store_idx" ON "gb_campaign" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "gb_campaign_due_idx" ON "gb_campaign" USING btree ("status","cutoff_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gb_entry_order_uq" ON "gb_entry" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "gb_entry_campaign_idx" ON "gb_entry" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE INDEX "gb_item_campaign_idx" ON "gb_item" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "gb_no_show_store_idx" ON "gb_no_show" USING btree ("store_id","step");--> statement-breakpoint
CREATE INDEX "gb_slot_campaign_idx" ON "gb_slot" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "inv_movement_sku_idx" ON "inv_movement" USING btree ("store_id","sku_id","id");--> statement-breakpoint
CREATE INDEX "inv_movement_reservation_idx" ON "inv_movement" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "inv_reservation_expiry_idx" ON "inv_reservation" USING btree ("expires_at") WHERE status = 'active' and expires_at is not null;--> statement-breakpoint
CREATE INDEX "inv_reservation_order_idx" ON "inv_reservation" USING btree ("store_id","order_id");--> statement-breakpoint
CREATE INDEX "live_flash_sale_show_idx" ON "live_flash_sale" USING btree ("store_id","show_id");--> statement-breakpoint
CREATE INDEX "live_sale_show_idx" ON "live_sale" USING btree ("store_id","show_id","at");--> statement-breakpoint
CREATE INDEX "live_voucher_drop_show_idx" ON "live_voucher_drop" USING btree ("store_id","show_id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_voucher_person_uq" ON "live_voucher" USING btree ("drop_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_voucher_code_uq" ON "live_voucher" USING btree ("store_id","code");--> statement-breakpoint
CREATE INDEX "live_voucher_customer_idx" ON "live_voucher" USING btree ("store_id","customer_id");--> statement-breakpoint
CREATE INDEX "live_chat_message_show_idx" ON "live_chat_message" USING btree ("show_id","seq");--> statement-breakpoint
CREATE INDEX "live_giveaway_show_idx" ON "live_giveaway" USING btree ("show_id","created_at");--> statement-breakpoint
CREATE INDEX "live_room_viewer_seen_idx" ON "live_room_viewer" USING btree ("show_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "live_show_reminder_store_idx" ON "live_show_reminder" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "live_show_store_status_idx" ON "live_show" USING btree ("store_id","status","scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "live_show_live_key_uq" ON "live_show" USING btree ("stream_key_id") WHERE status = 'live';--> statement-breakpoint
CREATE UNIQUE INDEX "live_stream_key_hash_uq" ON "live_stream_key" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "live_stream_key_store_idx" ON "live_stream_key" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "notification_message_store_idx" ON "notification_message" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_message_due_idx" ON "notification_message" USING btree ("next_attempt_at") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "order_pickup_miss_store_idx" ON "order_pickup_miss" USING btree ("store_id","at");--> statement-breakpoint
CREATE INDEX "order_pickup_miss_staff_idx" ON "order_pickup_miss" USING btree ("staff_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_pickup_verification_request_uq" ON "order_pickup_verification" USING btree ("store_id","request_id");--> statement-breakpoint
CREATE INDEX "order_pickup_verification_order_idx" ON "order_pickup_verification" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_line_order_idx" ON "order_line" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_refund_order_idx" ON "order_refund" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_order_open_code_uq" ON "order_order" USING btree ("store_id","pickup_code") WHERE status in ('pending_payment', 'paid', 'ready_for_pickup');--> statement-breakpoint
CREATE INDEX "order_order_store_created_idx" ON "order_order" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "order_order_customer_idx" ON "order_order" USING btree ("store_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "order_order_code_idx" ON "order_order" USING btree ("store_id","pickup_code");--> statement-breakpoint
CREATE UNIQUE INDEX "pay_notification_notify_uq" ON "pay_notification" USING btree ("provider","notify_id") WHERE signature_ok;--> statement-breakpoint
CREATE INDEX "pay_payment_order_idx" ON "pay_payment" USING btree ("store_id","order_id");--> statement-breakpoint
CREATE INDEX "pay_payment_confirmed_idx" ON "pay_payment" USING btree ("confirmed_at") WHERE status = 'created' and confirmed_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "pay_refund_idem_uq" ON "pay_refund" USING btree ("store_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "pay_refund_order_idx" ON "pay_refund" USING btree ("store_id","order_id");--> statement-breakpoint
CREATE INDEX "pay_refund_due_idx" ON "pay_refund" USING btree ("next_attempt_at") WHERE status <> 'succeeded';--> statement-breakpoint
CREATE UNIQUE INDEX "tenancy_session_token_uq" ON "tenancy_session" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "tenancy_session_subject_idx" ON "tenancy_session" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenancy_staff_login_uq" ON "tenancy_staff" USING btree (lower("login"));--> statement-breakpoint
CREATE UNIQUE INDEX "tenancy_membership_uq" ON "tenancy_membership" USING btree ("staff_id","store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenancy_store_slug_uq" ON "tenancy_store" USING btree ("slug");