using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "error",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "latency_ms",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "response_excerpt",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "status_code",
                table: "webhook_deliveries");

            migrationBuilder.RenameColumn(
                name: "attempted_at",
                table: "webhook_deliveries",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "attempt",
                table: "webhook_deliveries",
                newName: "attempts");

            migrationBuilder.RenameIndex(
                name: "ix_webhook_deliveries_job_id_attempted_at",
                table: "webhook_deliveries",
                newName: "ix_webhook_deliveries_job_id_created_at");

            migrationBuilder.AlterColumn<string>(
                name: "webhook_id",
                table: "webhook_deliveries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "url",
                table: "webhook_deliveries",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "completed_at",
                table: "webhook_deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "endpoint_id",
                table: "webhook_deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "event_type",
                table: "webhook_deliveries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_attempt_at",
                table: "webhook_deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payload",
                table: "webhook_deliveries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "webhook_deliveries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "tenant_id",
                table: "webhook_deliveries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "webhook_secret",
                table: "jobs",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_delivery_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    latency_ms = table.Column<long>(type: "bigint", nullable: false),
                    response_excerpt = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_delivery_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_delivery_attempts_webhook_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "webhook_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    events = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    secret = table.Column<string>(type: "text", nullable: false),
                    previous_secret = table.Column<string>(type: "text", nullable: true),
                    previous_secret_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disabled_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_endpoints", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_endpoints_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_endpoint_id",
                table: "webhook_deliveries",
                column: "endpoint_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_tenant_id",
                table: "webhook_deliveries",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_webhook_id",
                table: "webhook_deliveries",
                column: "webhook_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_delivery_id_attempt",
                table: "webhook_delivery_attempts",
                columns: new[] { "delivery_id", "attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_endpoints_tenant_id_created_at",
                table: "webhook_endpoints",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_webhook_deliveries_tenants_tenant_id",
                table: "webhook_deliveries",
                column: "tenant_id",
                principalTable: "tenants",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_webhook_deliveries_webhook_endpoints_endpoint_id",
                table: "webhook_deliveries",
                column: "endpoint_id",
                principalTable: "webhook_endpoints",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_webhook_deliveries_tenants_tenant_id",
                table: "webhook_deliveries");

            migrationBuilder.DropForeignKey(
                name: "fk_webhook_deliveries_webhook_endpoints_endpoint_id",
                table: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "webhook_delivery_attempts");

            migrationBuilder.DropTable(
                name: "webhook_endpoints");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_endpoint_id",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_tenant_id",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_webhook_id",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "completed_at",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "endpoint_id",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "event_type",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "payload",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "state",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "tenant_id",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "webhook_secret",
                table: "jobs");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "webhook_deliveries",
                newName: "attempted_at");

            migrationBuilder.RenameColumn(
                name: "attempts",
                table: "webhook_deliveries",
                newName: "attempt");

            migrationBuilder.RenameIndex(
                name: "ix_webhook_deliveries_job_id_created_at",
                table: "webhook_deliveries",
                newName: "ix_webhook_deliveries_job_id_attempted_at");

            migrationBuilder.AlterColumn<string>(
                name: "webhook_id",
                table: "webhook_deliveries",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "url",
                table: "webhook_deliveries",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048);

            migrationBuilder.AddColumn<string>(
                name: "error",
                table: "webhook_deliveries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "latency_ms",
                table: "webhook_deliveries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "response_excerpt",
                table: "webhook_deliveries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status_code",
                table: "webhook_deliveries",
                type: "integer",
                nullable: true);
        }
    }
}
