using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class CheckpointLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "language_tokens",
                table: "checkpoints",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source_language",
                table: "checkpoints",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "target_language",
                table: "checkpoints",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "language_tokens",
                table: "checkpoints");

            migrationBuilder.DropColumn(
                name: "source_language",
                table: "checkpoints");

            migrationBuilder.DropColumn(
                name: "target_language",
                table: "checkpoints");
        }
    }
}
