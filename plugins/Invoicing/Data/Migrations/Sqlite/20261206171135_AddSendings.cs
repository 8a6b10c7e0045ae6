using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Invoicing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSendings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "invoicing_sendings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecipientEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_sendings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoicing_sendings_invoicing_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoicing_invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoicing_sending_pdfs",
                columns: table => new
                {
                    SendingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoicing_sending_pdfs", x => x.SendingId);
                    table.ForeignKey(
                        name: "FK_invoicing_sending_pdfs_invoicing_sendings_SendingId",
                        column: x => x.SendingId,
                        principalTable: "invoicing_sendings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_invoicing_sendings_InvoiceId_Position",
                table: "invoicing_sendings",
                columns: new[] { "InvoiceId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invoicing_sending_pdfs");

            migrationBuilder.DropTable(
                name: "invoicing_sendings");
        }
    }
}
