namespace CrmBlazor.Plugins.Surveys.Features.Scoring;

/// <summary>How many answers gave each value of a scale.</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">How many gave it.</param>
/// <param name="Percent">Its share of all answers (0–100), or null when there are none.</param>
public sealed record ScaleCount(int Value, int Count, decimal? Percent);

/// <summary>
/// A Net Promoter Score: promoters (9–10) minus detractors (0–6), as a share of all answers, from −100
/// to +100; <see cref="Score"/> is null when there are no answers ("no answers", never a division by zero).
/// </summary>
/// <param name="Answers">How many answers.</param>
/// <param name="Promoters">Answers of 9 or 10.</param>
/// <param name="Passives">Answers of 7 or 8.</param>
/// <param name="Detractors">Answers of 0 to 6.</param>
public sealed record NpsScore(int Answers, int Promoters, int Passives, int Detractors)
{
    /// <summary>The highest answer that makes a detractor, and the lowest that makes a promoter.</summary>
    public const int DetractorMax = 6, PromoterMin = 9;

    /// <summary>Promoters minus detractors in percent of all answers, or null without answers.</summary>
    public decimal? Score => Answers == 0 ? null : (Promoters - Detractors) * 100m / Answers;

    /// <summary>The score of a set of answers on 0–10.</summary>
    /// <param name="answers">The answers.</param>
    /// <exception cref="ArgumentOutOfRangeException">An answer lies outside 0–10.</exception>
    public static NpsScore Of(IEnumerable<int> answers)
    {
        var counts = Scale.Counts(answers, 0, 10);
        return FromCounts(counts);
    }

    /// <summary>The score from the number of answers per value (index 0 to 10), as a GROUP BY gives them.</summary>
    /// <param name="countsPerValue">Eleven counts, for 0 to 10.</param>
    public static NpsScore FromCounts(IReadOnlyList<int> countsPerValue)
    {
        ArgumentNullException.ThrowIfNull(countsPerValue);
        ArgumentOutOfRangeException.ThrowIfNotEqual(countsPerValue.Count, 11);
        var detractors = countsPerValue.Take(DetractorMax + 1).Sum();
        var promoters = countsPerValue.Skip(PromoterMin).Sum();
        var all = countsPerValue.Sum();
        return new NpsScore(all, promoters, all - promoters - detractors, detractors);
    }

    /// <summary>Whether an answer on 0–10 is a detractor's (what opens a closed-loop follow-up).</summary>
    /// <param name="answer">The answer.</param>
    public static bool IsDetractor(int answer) => answer is >= 0 and <= DetractorMax;
}

/// <summary>
/// Customer satisfaction: the share of answers of 4 or 5 on 1–5, in percent; <see cref="Score"/> is null
/// when there are no answers.
/// </summary>
/// <param name="Answers">How many answers.</param>
/// <param name="Satisfied">Answers of 4 or 5.</param>
public sealed record CsatScore(int Answers, int Satisfied)
{
    /// <summary>The lowest satisfied answer, and the highest that counts as dissatisfied for the closed loop.</summary>
    public const int SatisfiedMin = 4, DissatisfiedMax = 2;

    /// <summary>Satisfied answers in percent of all, or null without answers.</summary>
    public decimal? Score => Answers == 0 ? null : Satisfied * 100m / Answers;

    /// <summary>The score of a set of answers on 1–5.</summary>
    /// <param name="answers">The answers.</param>
    /// <exception cref="ArgumentOutOfRangeException">An answer lies outside 1–5.</exception>
    public static CsatScore Of(IEnumerable<int> answers)
    {
        var counts = Scale.Counts(answers, 1, 5);
        return new CsatScore(counts.Sum(), counts[3] + counts[4]);
    }
}

/// <summary>Customer effort: the average answer on 1–7 (lower is easier); <see cref="Average"/> is null when there are no answers.</summary>
/// <param name="Answers">How many answers.</param>
/// <param name="Total">The sum of the answers.</param>
public sealed record EffortScore(int Answers, long Total)
{
    /// <summary>The average, or null without answers.</summary>
    public decimal? Average => Answers == 0 ? null : (decimal)Total / Answers;

    /// <summary>The score of a set of answers on 1–7.</summary>
    /// <param name="answers">The answers.</param>
    /// <exception cref="ArgumentOutOfRangeException">An answer lies outside 1–7.</exception>
    public static EffortScore Of(IEnumerable<int> answers)
    {
        var counts = Scale.Counts(answers, 1, 7);
        return new EffortScore(counts.Sum(), counts.Select((count, i) => (long)count * (i + 1)).Sum());
    }
}

/// <summary>Distributions and averages of any scale.</summary>
public static class Scale
{
    /// <summary>How many answers gave each value from <paramref name="min"/> to <paramref name="max"/>, with their shares; every value listed, also those nobody gave.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="min">The lowest value.</param>
    /// <param name="max">The highest value.</param>
    /// <exception cref="ArgumentOutOfRangeException">An answer lies outside the scale.</exception>
    public static IReadOnlyList<ScaleCount> Distribution(IEnumerable<int> answers, int min, int max)
    {
        var counts = Counts(answers, min, max);
        var all = counts.Sum();
        return [.. counts.Select((count, i) => new ScaleCount(min + i, count, all == 0 ? null : count * 100m / all))];
    }

    /// <summary>The average answer, or null without answers.</summary>
    /// <param name="answers">The answers.</param>
    public static decimal? Average(IEnumerable<int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (count, total) = answers.Aggregate((Count: 0, Total: 0L), (sum, a) => (sum.Count + 1, sum.Total + a));
        return count == 0 ? null : (decimal)total / count;
    }

    internal static int[] Counts(IEnumerable<int> answers, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        var counts = new int[max - min + 1];
        foreach (var answer in answers)
        {
            if (answer < min || answer > max)
            {
                throw new ArgumentOutOfRangeException(nameof(answers), answer, $"An answer must lie from {min} to {max}.");
            }

            counts[answer - min]++;
        }

        return counts;
    }
}
