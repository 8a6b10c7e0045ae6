using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Net.Http.Headers;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>
/// <c>GET /admin/outbox/{message}/attachments/{attachment}</c>: an attachment of an outbox message, as a
/// download (<c>Content-Disposition: attachment</c>) with the type it was queued with. Administrators only
/// (the policy, and <see cref="OutboxQueries"/> again); others get 403, an unknown message or attachment 404.
/// </summary>
internal static class OutboxAttachmentEndpoints
{
    // A type that is not a plain type/subtype pair is not repeated to the browser.
    private const string AnyFile = "application/octet-stream";

    /// <summary>The download's address.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="attachmentId">The attachment.</param>
    public static string Address(Guid messageId, Guid attachmentId) => $"/admin/outbox/{messageId}/attachments/{attachmentId}";

    public static IEndpointConventionBuilder MapOutboxAttachments(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/outbox/{messageId:guid}/attachments/{attachmentId:guid}", async (Guid messageId, Guid attachmentId, OutboxQueries outbox, CancellationToken cancellationToken) =>
        {
            var file = await outbox.AttachmentAsync(messageId, attachmentId, cancellationToken);
            // Results.File sends Content-Disposition: attachment, with the name as filename* (RFC 6266) for any script.
            return file is null ? Results.NotFound() : Results.File(file.Content, ContentType(file.ContentType), file.FileName);
        })
        .RequireAuthorization(CrmRoles.Admin)
        .WithMetadata(new RefusedWithStatusCode("Only administrators can read the outbox."))
        // A download, not a page: refused with 401/403 rather than a redirect to the sign-in page.
        .DisableCookieRedirect();

    private static string ContentType(string stored) =>
        MediaTypeHeaderValue.TryParse(stored, out var parsed) && parsed.MediaType.HasValue && !parsed.MatchesAllTypes && !parsed.MatchesAllSubTypes
            ? parsed.ToString()
            : AnyFile;
}
