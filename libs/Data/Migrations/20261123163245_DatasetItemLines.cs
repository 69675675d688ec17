using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class DatasetItemLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "line",
                table: "dataset_items",
                type: "bigint",
                nullable: true);

            // The unique index becomes a DEFERRABLE unique constraint, which EF cannot express: DatasetItemImporter
            // defers it during its COPY so that a repeated key is reported with its lines instead of aborting the COPY.
            // USING INDEX keeps the existing index (renamed to the constraint's name) instead of building another.
            migrationBuilder.Sql(
                """
                ALTER TABLE dataset_items ADD CONSTRAINT ak_dataset_items_dataset_id_key
                    UNIQUE USING INDEX ix_dataset_items_dataset_id_key DEFERRABLE INITIALLY IMMEDIATE;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropUniqueConstraint(
                name: "ak_dataset_items_dataset_id_key",
                table: "dataset_items");

            migrationBuilder.DropColumn(
                name: "line",
                table: "dataset_items");

            migrationBuilder.CreateIndex(
                name: "ix_dataset_items_dataset_id_key",
                table: "dataset_items",
                columns: new[] { "dataset_id", "key" },
                unique: true);
        }
    }
}
