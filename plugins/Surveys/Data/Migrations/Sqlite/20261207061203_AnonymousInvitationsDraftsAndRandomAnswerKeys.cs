using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Plugins.Surveys.Data.Migrations.Sqlite
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
                type: "BLOB",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<long>(
                name: "CustomerId",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Draft",
                table: "surveys_invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Key",
                table: "surveys_answers",
                type: "TEXT",
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
                type: "BLOB",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "CustomerId",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "ContactId",
                table: "surveys_invitations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "surveys_answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_surveys_answers",
                table: "surveys_answers",
                column: "Id");
        }
    }
}
