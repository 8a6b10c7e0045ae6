using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Plugins.Invoicing.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecipientEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: true),
                    SentBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
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
                    SendingId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
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
