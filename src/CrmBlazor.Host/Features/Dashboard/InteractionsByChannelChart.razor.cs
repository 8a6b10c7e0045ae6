using System.Globalization;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Dashboard;

/// <summary>
/// Interactions per month, one stacked bar a month with a colour per channel; months and numbers in
/// the user's culture, channel names in the user's language.
/// </summary>
public partial class InteractionsByChannelChart
{
    // Each channel keeps its colour whichever channels a period has; complaints in red.
    private static readonly Dictionary<InteractionChannel, string> ChannelColours = new()
    {
        [InteractionChannel.Call] = ChartColours.Blue,
        [InteractionChannel.Email] = ChartColours.Teal,
        [InteractionChannel.Meeting] = ChartColours.Purple,
        [InteractionChannel.Note] = ChartColours.Slate,
        [InteractionChannel.Complaint] = ChartColours.Red,
        [InteractionChannel.Inquiry] = ChartColours.Orange,
        [InteractionChannel.WebForm] = ChartColours.Magenta,
        [InteractionChannel.InStoreVisit] = ChartColours.Green,
    };

    private List<ChartSeries<int>> _series = [];
    private string[] _labels = [];
    private StackedBarChartOptions _options = new();
    private ChartTable _table = new(string.Empty, [], []);

    /// <summary>The counts to show.</summary>
    [Parameter, EditorRequired]
    public ChannelMonthCounts Counts { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var culture = CultureInfo.CurrentCulture;
        _labels = [.. Counts.Months.Select(month => month.ToString("MMM", culture))];
        _series = [.. Counts.Counts.Select(c => new ChartSeries<int>
        {
            Name = L[InteractionText.Channel(c.Key)],
            Data = c.Value,
            TooltipTitleFormat = "{{SERIES_NAME}}: {{Y_VALUE}}",
            TooltipSubtitleFormat = "{{X_VALUE}}",
            TooltipYValueFormat = "N0",
        })];
        _options = new StackedBarChartOptions
        {
            ChartPalette = [.. Counts.Counts.Keys.Select(c => ChannelColours[c])],
            ShowZeroValues = false,
            YAxisTitle = L["Interactions"],
            XAxisTitle = Period(culture),
            YAxisToStringFunc = value => value.ToString("N0", culture),
            YAxisTicks = ChartScale.Step(Enumerable.Range(0, Counts.Months.Count).Select(month => Counts.Counts.Values.Sum(c => c[month])).DefaultIfEmpty().Max()),
        };
        _table = new ChartTable(L["Month"], [.. _series.Select(s => s.Name)],
            [.. Counts.Months.Select((month, index) => new ChartTableRow(month.ToString("Y", culture), [.. Counts.Counts.Values.Select(c => Number(c[index]))]))]);
    }

    // Months are labelled by name alone (long in some languages); the axis title names the period with its years.
    private string Period(CultureInfo culture) =>
        $"{Counts.Months[0].ToString("Y", culture)} – {Counts.Months[^1].ToString("Y", culture)}";

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
