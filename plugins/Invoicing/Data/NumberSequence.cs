using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>
/// The last number given in a series and year. Issuing increments it inside the issuing transaction
/// (an UPDATE that locks the row until commit), so numbers are consecutive, never skipped, never reused.
/// </summary>
[NotAudited]
public sealed class NumberSequence
{
    /// <summary><c>invoice</c> or <c>credit-note</c>.</summary>
    public required string Series { get; set; }

    public int Year { get; set; }

    public long LastNumber { get; set; }
}
