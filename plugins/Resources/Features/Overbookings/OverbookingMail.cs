using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Users;
using Microsoft.Extensions.Configuration;

namespace CrmBlazor.Plugins.Resources.Features.Overbookings;

/// <summary>
/// Writes the mail that tells a manager one of their people is planned above capacity
/// (<see cref="OverbookingMessageTemplates.OverbookedKey"/>), in the manager's own language (the firm's default
/// language when they have not chosen one). The caller
/// queues it with the save that records the over-allocation (<c>PluginDbContext.Send</c>).
/// </summary>
public sealed class OverbookingMail(IMessageTemplates templates, IConfiguration configuration)
{
    /// <summary>The host's setting of the address people open the CRM at, which the mail's link starts with.</summary>
    public const string PublicUrlSetting = "Crm:PublicUrl";

    /// <summary>The mail about a person's weeks newly over capacity.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="personName">The person's name.</param>
    /// <param name="manager">The manager, with an e-mail address.</param>
    /// <param name="weeks">The weeks newly over (at least one).</param>
    /// <param name="key">The message's idempotency key (<see cref="OverbookingCheck.MessageKeyOf"/>).</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    public async Task<OutgoingMessage> OverbookedAsync(long personId, string personName, UserSummary manager, IReadOnlyList<WeekLoad> weeks, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(weeks);
        var ordered = weeks.OrderBy(w => w.Week.Monday).ToList();
        var first = ordered[0];
        var fields = new Dictionary<string, object?>
        {
            ["person.name"] = personName,
            ["person.link"] = LinkTo($"/resources/people/{personId}"),
            ["manager.name"] = manager.Name,
            ["overbooking.week"] = first.Week.Week,
            ["overbooking.year"] = first.Week.Year,
            // Numbers, not text: the template writes them in its language's culture (37.5, or 37,5 in Georgian).
            ["overbooking.allocated"] = Hours.FromMinutes(first.AllocatedMinutes),
            ["overbooking.capacity"] = Hours.FromMinutes(first.CapacityMinutes),
            ["overbooking.week_count"] = ordered.Count,
            ["overbooking.weeks"] = string.Join(", ", ordered.Select(w => w.Week.ToString())),
        };
        var rendered = await templates.RenderAsync(OverbookingMessageTemplates.OverbookedKey, new TemplateRecipient(Language: manager.Culture), fields, cancellationToken);
        return new OutgoingMessage
        {
            To = [new MessageAddress(manager.Email!, manager.Name)],
            Subject = rendered.Subject,
            HtmlBody = rendered.HtmlBody,
            TextBody = rendered.TextBody,
            IdempotencyKey = key,
            Kind = MessageKind.Transactional,
        };
    }

    // An absolute link only when the CRM's public address is set: a mail cannot follow a relative one.
    private string? LinkTo(string path) =>
        Uri.TryCreate(configuration[PublicUrlSetting]?.Trim(), UriKind.Absolute, out var root) && (root.Scheme == Uri.UriSchemeHttps || root.Scheme == Uri.UriSchemeHttp)
            ? new Uri(root, path).AbsoluteUri
            : null;
}
