using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Plugins.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnonymousInvitationsDraftsAndRandomAnswerKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "surveys_answers");

            migrationBuilder.AlterColumn<byte[]>(
                name: "TokenHash",
                table: "surveys_invitations",
                type: "bytea",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<long>(
                name: "CustomerId",
                table: "surveys_invitations",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_invitations",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<string>(
                name: "Draft",
                table: "surveys_invitations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Key",
                table: "surveys_answers",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers",
                column: "Key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "surveys_invitations");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "surveys_answers");

            migrationBuilder.AlterColumn<byte[]>(
                name: "TokenHash",
                table: "surveys_invitations",
                type: "bytea",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "CustomerId",
                table: "surveys_invitations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_invitations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "surveys_answers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers",
                column: "Id");
        }
    }
}
