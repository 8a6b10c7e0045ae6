using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crm_outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 998, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: true),
                    Headers = table.Column<string>(type: "TEXT", nullable: true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MessageIdHeader = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crm_outbox_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_outbox_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_outbox_attachments_crm_outbox_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "crm_outbox_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crm_outbox_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttemptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServerAnswer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_outbox_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_crm_outbox_attempts_crm_outbox_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "crm_outbox_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_crm_outbox_attachments_MessageId_Position",
                table: "crm_outbox_attachments",
                columns: new[] { "MessageId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_outbox_attempts_MessageId_AttemptedAt",
                table: "crm_outbox_attempts",
                columns: new[] { "MessageId", "AttemptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_outbox_messages_CustomerId",
                table: "crm_outbox_messages",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_crm_outbox_messages_IdempotencyKey",
                table: "crm_outbox_messages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_outbox_messages_State_CreatedAt",
                table: "crm_outbox_messages",
                columns: new[] { "State", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_outbox_attachments");

            migrationBuilder.DropTable(
                name: "crm_outbox_attempts");

            migrationBuilder.DropTable(
                name: "crm_outbox_messages");
        }
    }
}
