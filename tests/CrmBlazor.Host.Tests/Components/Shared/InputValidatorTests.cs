using Bunit;
using CrmBlazor.Host.Components.Shared;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Tests.Builders;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CrmBlazor.Host.Tests.Components.Shared;

/// <summary>
/// A form checks what its service will check (InputValidation: annotations and the text rule) and
/// shows each message under its field, in the user's language, before anything is sent to the service.
/// </summary>
public sealed class InputValidatorTests : ComponentTestContext
{
    private readonly ContactInput _input = new();
    private int _submitted;

    [Fact]
    public void Submit_NameWithADirectionOverride_ShowsTheMessageUnderTheNameAndDoesNotSave()
    {
        _input.Name = "Bidi \u202Egnp.exe Ltd";
        var form = RenderForm();

        form.Find("form").Submit();

        Assert.Equal(0, _submitted);
        Assert.Equal("Remove the invisible control or text-direction character at position 6.", MessageUnder(form, "name"));
        Assert.Null(MessageUnder(form, "role"));
    }

    [Fact]
    public void Submit_InUrdu_ShowsTheMessagesInUrdu()
    {
        using var culture = CultureScope.Of("ur-PK");
        _input.Name = string.Empty;
        _input.Role = "Head\tof sales";
        var form = RenderForm();

        form.Find("form").Submit();

        Assert.Equal("مقام 5 پر موجود نظر نہ آنے والا کنٹرول حرف یا متن کی سمت بدلنے والا حرف ہٹا دیں۔", MessageUnder(form, "role"));
        Assert.NotEqual("Enter the contact's name.", MessageUnder(form, "name"));
    }

    [Fact]
    public void Submit_ValidInput_Saves()
    {
        _input.Name = "\u200Fشرکت \u2068Acme Ltd\u2069";
        var form = RenderForm();

        form.Find("form").Submit();

        Assert.Equal(1, _submitted);
    }

    // The text MudBlazor shows under a field: the element the input's aria-describedby names.
    private static string? MessageUnder(IRenderedComponent<EditForm> form, string field) =>
        form.Find($"input[data-field={field}]").GetAttribute("aria-describedby") is { } id ? form.Find($"[id='{id}']").TextContent.Trim() : null;

    private IRenderedComponent<EditForm> RenderForm() => Render<EditForm>(parameters => parameters
        .Add(f => f.Model, _input)
        .Add(f => f.OnValidSubmit, () => _submitted++)
        .Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => builder =>
        {
            builder.OpenComponent<InputValidator>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudTextField<string>>(1);
            builder.AddComponentParameter(2, nameof(MudTextField<string>.Value), _input.Name);
            builder.AddComponentParameter(3, nameof(MudTextField<string>.For), (System.Linq.Expressions.Expression<Func<string>>)(() => _input.Name));
            builder.AddComponentParameter(4, "data-field", "name");
            builder.CloseComponent();
            builder.OpenComponent<MudTextField<string?>>(5);
            builder.AddComponentParameter(6, nameof(MudTextField<string?>.Value), _input.Role);
            builder.AddComponentParameter(7, nameof(MudTextField<string?>.For), (System.Linq.Expressions.Expression<Func<string?>>)(() => _input.Role));
            builder.AddComponentParameter(8, "data-field", "role");
            builder.CloseComponent();
        })));
}
