using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class Tenancy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_jobs_created_at_id",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_jobs_idempotency_key",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_datasets_created_at_id",
                table: "datasets");

            migrationBuilder.DropIndex(
                name: "ix_checkpoints_created_at_id",
                table: "checkpoints");

            migrationBuilder.AddColumn<Guid>(
                name: "tenant_id",
                table: "jobs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "tenant_id",
                table: "datasets",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "tenant_id",
                table: "checkpoints",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "tenants",
                columns: new[] { "id", "created_at", "name" },
                values: new object[] { new Guid("00000000-0000-0000-0000-000000000001"), new DateTimeOffset(new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "default" });

            // Rows from before tenancy belong to the default tenant; new rows must name theirs, so no default stays.
            foreach (var table in new[] { "jobs", "datasets", "checkpoints" })
            {
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN tenant_id DROP DEFAULT;");
            }

            migrationBuilder.CreateIndex(
                name: "ix_jobs_tenant_id_created_at_id",
                table: "jobs",
                columns: new[] { "tenant_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_tenant_id_idempotency_key",
                table: "jobs",
                columns: new[] { "tenant_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_datasets_tenant_id_created_at_id",
                table: "datasets",
                columns: new[] { "tenant_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_checkpoints_tenant_id_created_at_id",
                table: "checkpoints",
                columns: new[] { "tenant_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tenants_name",
                table: "tenants",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_checkpoints_tenants_tenant_id",
                table: "checkpoints",
                column: "tenant_id",
                principalTable: "tenants",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_datasets_tenants_tenant_id",
                table: "datasets",
                column: "tenant_id",
                principalTable: "tenants",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_jobs_tenants_tenant_id",
                table: "jobs",
                column: "tenant_id",
                principalTable: "tenants",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_checkpoints_tenants_tenant_id",
                table: "checkpoints");

            migrationBuilder.DropForeignKey(
                name: "fk_datasets_tenants_tenant_id",
                table: "datasets");

            migrationBuilder.DropForeignKey(
                name: "fk_jobs_tenants_tenant_id",
                table: "jobs");

            migrationBuilder.DropTable(
                name: "tenants");

            migrationBuilder.DropIndex(
                name: "ix_jobs_tenant_id_created_at_id",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_jobs_tenant_id_idempotency_key",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_datasets_tenant_id_created_at_id",
                table: "datasets");

            migrationBuilder.DropIndex(
                name: "ix_checkpoints_tenant_id_created_at_id",
                table: "checkpoints");

            migrationBuilder.DropColumn(
                name: "tenant_id",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "tenant_id",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "tenant_id",
                table: "checkpoints");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_created_at_id",
                table: "jobs",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_idempotency_key",
                table: "jobs",
                column: "idempotency_key",
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_datasets_created_at_id",
                table: "datasets",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_checkpoints_created_at_id",
                table: "checkpoints",
                columns: new[] { "created_at", "id" });
        }
    }
}
