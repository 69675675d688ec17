using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_metrics_job_id_checkpoint_id_language_metric",
                table: "metrics");

            migrationBuilder.DropIndex(
                name: "ix_checkpoints_blob_path",
                table: "checkpoints");

            migrationBuilder.AlterColumn<Guid>(
                name: "checkpoint_id",
                table: "metrics",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "parent_job_id",
                table: "jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "watched_checkpoints",
                columns: table => new
                {
                    watch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    folder = table.Column<string>(type: "text", nullable: false),
                    step = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    checkpoint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watched_checkpoints", x => new { x.watch, x.folder });
                    table.ForeignKey(
                        name: "fk_watched_checkpoints_checkpoints_checkpoint_id",
                        column: x => x.checkpoint_id,
                        principalTable: "checkpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_watched_checkpoints_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_metrics_job_id_checkpoint_id_language_metric",
                table: "metrics",
                columns: new[] { "job_id", "checkpoint_id", "language", "metric" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_jobs_parent_job_id",
                table: "jobs",
                column: "parent_job_id",
                filter: "parent_job_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_checkpoints_tenant_id_blob_path_sha256",
                table: "checkpoints",
                columns: new[] { "tenant_id", "blob_path", "sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_watched_checkpoints_checkpoint_id",
                table: "watched_checkpoints",
                column: "checkpoint_id");

            migrationBuilder.CreateIndex(
                name: "ix_watched_checkpoints_job_id",
                table: "watched_checkpoints",
                column: "job_id");

            migrationBuilder.AddForeignKey(
                name: "fk_jobs_jobs_parent_job_id",
                table: "jobs",
                column: "parent_job_id",
                principalTable: "jobs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_jobs_jobs_parent_job_id",
                table: "jobs");

            migrationBuilder.DropTable(
                name: "watched_checkpoints");

            migrationBuilder.DropIndex(
                name: "ix_metrics_job_id_checkpoint_id_language_metric",
                table: "metrics");

            migrationBuilder.DropIndex(
                name: "ix_jobs_parent_job_id",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_checkpoints_tenant_id_blob_path_sha256",
                table: "checkpoints");

            migrationBuilder.DropColumn(
                name: "parent_job_id",
                table: "jobs");

            migrationBuilder.AlterColumn<Guid>(
                name: "checkpoint_id",
                table: "metrics",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_metrics_job_id_checkpoint_id_language_metric",
                table: "metrics",
                columns: new[] { "job_id", "checkpoint_id", "language", "metric" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_checkpoints_blob_path",
                table: "checkpoints",
                column: "blob_path");
        }
    }
}
