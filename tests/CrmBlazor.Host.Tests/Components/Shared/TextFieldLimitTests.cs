using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Testing.Forms;

namespace CrmBlazor.Host.Tests.Components.Shared;

/// <summary>
/// Every text field of the core stops where its validation does (its model's limit, through
/// <c>InputLimits.Of</c>), and no limit is longer than the circuit carries: a longer value would be
/// lost on the way and the form would still say "saved".
/// </summary>
public sealed class TextFieldLimitTests
{
    [Fact]
    public void TextFields_OfEveryPage_TakeTheirModelsLimit()
    {
        Assert.Empty(TextFieldLimits.FieldsWithoutTheirLimit(RepositoryFiles.HostProject));
    }

    [Fact]
    public void ModelLimits_FitTheLongestTextTheCircuitCarries()
    {
        var assembly = typeof(Program).Assembly;

        Assert.NotEqual(0, TextFieldLimits.LimitedProperties(assembly));
        Assert.Empty(TextFieldLimits.LimitsLongerThanTheCircuitCarries(assembly));
    }

    [Fact]
    public void FieldsWithoutTheirLimit_FieldWithoutALimitWithANumberOrWithAnotherFieldsLimit_AreEachReported()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "Form.razor"), """
            <MudTextField @bind-Value="_input.Name" Label="@L["Name"]" />
            <MudTextField @bind-Value="_input.Role"
                          Label="@L["Role"]" MaxLength="100" />
            <MudTextField @bind-Value="_input.Email" MaxLength="@InputLimits.Of(() => _input.Name)" />
            <input type="text" value="@cell.Text" />
            <MudTextField @bind-Value="_input.Phone" MaxLength="@InputLimits.Of(() => _input.Phone)" />
            <MudTextField T="string" Value="@_customer?.Name" Label="@L["Customer"]" ReadOnly="true" />
            <input type="checkbox" checked />
            """);

        var problems = TextFieldLimits.FieldsWithoutTheirLimit(folder.Path);

        Assert.Equal(
            [
                "Form.razor:1: <MudTextField> has no MaxLength (maxlength on an input)",
                "Form.razor:2: <MudTextField> has the number 100 as its limit; take it from the model with InputLimits.Of",
                "Form.razor:4: <MudTextField> binds _input.Email but takes the limit of _input.Name",
                "Form.razor:5: <input> has no MaxLength (maxlength on an input)",
            ],
            problems);
    }
}
