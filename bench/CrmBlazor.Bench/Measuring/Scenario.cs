namespace CrmBlazor.Bench.Measuring;

/// <summary>
/// One thing a user does, timed two ways on the same input: through the host's code (EF Core) and as
/// hand-written SQL over ADO.NET. Both return a fingerprint of what they found (ids, totals), so the
/// run proves that the two are equivalent before it compares their speed.
/// </summary>
/// <param name="Name">Short name, used in the RESULT line.</param>
/// <param name="Description">What is measured.</param>
/// <param name="InputCount">How many different inputs there are (warm-up and measured iterations take turns through them).</param>
/// <param name="Describe">A readable form of input i, for mismatch reports.</param>
/// <param name="Ef">Runs input i through the host's code.</param>
/// <param name="Sql">Runs input i as hand-written SQL.</param>
internal sealed record Scenario(
    string Name,
    string Description,
    int InputCount,
    Func<int, string> Describe,
    Func<int, Task<string>> Ef,
    Func<int, Task<string>> Sql);
