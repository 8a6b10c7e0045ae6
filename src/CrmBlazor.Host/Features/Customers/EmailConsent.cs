namespace CrmBlazor.Host.Features.Customers;

/// <summary>Why a person is left out of a campaign.</summary>
public enum LeftOutReason
{
    /// <summary>No e-mail address to send to.</summary>
    NoEmail,

    /// <summary>The person opted out with an unsubscribe link.</summary>
    OptedOut,

    /// <summary>No consent to campaign e-mails is recorded.</summary>
    NoConsent,

    /// <summary>A company without a contact: nobody to address.</summary>
    NoContact,
}

/// <summary>A person who can be sent campaign e-mail: a contact, or a person customer.</summary>
public interface IEmailConsentHolder
{
    /// <summary>When they agreed to receive campaign e-mails, or null.</summary>
    DateTimeOffset? EmailConsentAt { get; set; }

    /// <summary>How they agreed, as the colleague who recorded it wrote it.</summary>
    string? EmailConsentSource { get; set; }

    /// <summary>The colleague (a user id) who recorded the consent.</summary>
    string? EmailConsentRecordedBy { get; set; }

    /// <summary>When they opted out, or null.</summary>
    DateTimeOffset? EmailOptedOutAt { get; set; }
}

/// <summary>What a colleague records about a person's campaign e-mail in the contact or customer dialog.</summary>
public interface IEmailConsentInput
{
    /// <summary>Whether the person agreed to receive campaign e-mails.</summary>
    bool HasEmailConsent { get; set; }

    /// <summary>How they agreed ("Signed up at the Chennai seminar"), or null.</summary>
    string? EmailConsentSource { get; set; }

    /// <summary>Whether to remove the person's opt-out, because they asked to receive campaigns again.</summary>
    bool RemoveOptOut { get; set; }
}

/// <summary>
/// The rules of campaign e-mail: a message goes to a person with an address, a recorded consent and no
/// opt-out. An opt-out outweighs a consent recorded before or after it until a colleague removes it
/// deliberately. Transactional messages (invoices, reminders, invitations) do not ask.
/// </summary>
public static class EmailConsent
{
    /// <summary>Longest description of how consent was given.</summary>
    public const int SourceLength = 200;

    /// <summary>Why a person would be left out of a campaign, or null when they may receive it.</summary>
    /// <param name="email">Their address.</param>
    /// <param name="consentAt">When they consented, or null.</param>
    /// <param name="optedOutAt">When they opted out, or null.</param>
    public static LeftOutReason? LeftOut(string? email, DateTimeOffset? consentAt, DateTimeOffset? optedOutAt) =>
        string.IsNullOrWhiteSpace(email) ? LeftOutReason.NoEmail
        : optedOutAt is not null ? LeftOutReason.OptedOut
        : consentAt is null ? LeftOutReason.NoConsent
        : null;

    /// <summary>
    /// Records a colleague's edit: a consent given now is stamped with the time and the colleague, a
    /// consent withdrawn is cleared, and an opt-out is removed only when asked for. An opt-out is never
    /// set here: only the person does that, with their link.
    /// </summary>
    /// <param name="input">What the colleague entered.</param>
    /// <param name="person">The contact or person customer.</param>
    /// <param name="userId">The colleague.</param>
    /// <param name="now">The time of the change.</param>
    public static void Apply(IEmailConsentInput input, IEmailConsentHolder person, string? userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(person);
        if (input.HasEmailConsent)
        {
            if (person.EmailConsentAt is null)
            {
                person.EmailConsentAt = now;
                person.EmailConsentRecordedBy = userId;
            }

            person.EmailConsentSource = string.IsNullOrWhiteSpace(input.EmailConsentSource) ? null : input.EmailConsentSource.Trim();
        }
        else
        {
            person.EmailConsentAt = null;
            person.EmailConsentSource = null;
            person.EmailConsentRecordedBy = null;
        }

        if (input.RemoveOptOut)
        {
            person.EmailOptedOutAt = null;
        }
    }

    /// <summary>Fills an input from what is recorded.</summary>
    /// <param name="person">The contact or person customer.</param>
    /// <param name="input">The input to fill.</param>
    public static void Fill(IEmailConsentHolder person, IEmailConsentInput input)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(input);
        input.HasEmailConsent = person.EmailConsentAt is not null;
        input.EmailConsentSource = person.EmailConsentSource;
        input.RemoveOptOut = false;
    }
}
