using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Resources.Data;

/// <summary>Why a person is away. Stored as these numbers, which never change.</summary>
public enum TimeOffKind
{
    /// <summary>A holiday the person takes (annual leave days taken as holiday).</summary>
    Holiday = 0,

    /// <summary>Other leave (parental, unpaid, training...).</summary>
    Leave = 1,

    /// <summary>Sick.</summary>
    Sick = 2,
}

/// <summary>Which part of each day of the time off. Stored as these numbers, which never change.</summary>
public enum DayPortion
{
    /// <summary>The whole working day.</summary>
    FullDay = 0,

    /// <summary>The first half of the working day.</summary>
    FirstHalf = 1,

    /// <summary>The second half of the working day.</summary>
    SecondHalf = 2,
}

/// <summary>Days, or half a day, a person is away; takes the scheduled hours of those days out of their capacity.</summary>
public sealed class TimeOff : IVersionedEntity
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The last day (inclusive); the same as <see cref="StartDate"/> for one day or a half day.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>A half day only for a single day.</summary>
    public DayPortion Portion { get; set; }

    public TimeOffKind Kind { get; set; }

    public string? Note { get; set; }

    public Guid RowVersion { get; set; }
}
