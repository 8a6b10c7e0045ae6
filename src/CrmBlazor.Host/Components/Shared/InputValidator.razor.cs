using System.Collections;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CrmBlazor.Host.Components.Shared;

/// <summary>
/// Validates an <see cref="EditForm"/>'s model exactly as the service will (<see cref="InputValidation"/>:
/// data annotations, <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> rules and the
/// text rule for control and direction characters) and shows each message under its field, in the
/// user's language. Use it in place of <see cref="DataAnnotationsValidator"/>, which knows neither the
/// text rule nor the translations. A field shows its messages when it binds with <c>For</c>; a message
/// about a member no field binds (tags typed as one text) is read with <see cref="MessagesFor"/>.
/// </summary>
public sealed partial class InputValidator
{
    private EditContext? _context;
    private ValidationMessageStore? _messages;
    private List<string> _modelMessages = [];

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    /// <summary>The translated messages about one member of the model, joined, or null when there are none.</summary>
    /// <param name="context">The form's edit context.</param>
    /// <param name="member">The member's name.</param>
    public static string? MessagesFor(EditContext context, string member)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = context.GetValidationMessages(new FieldIdentifier(context.Model, member)).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(InputValidator)} goes inside an {nameof(EditForm)}.");
        }

        if (CurrentEditContext == _context)
        {
            return;
        }

        Detach();
        _context = CurrentEditContext;
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += ValidationRequested;
        _context.OnFieldChanged += FieldChanged;
    }

    /// <inheritdoc />
    public void Dispose() => Detach();

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        _modelMessages = [];
        foreach (var (field, messages) in Messages())
        {
            if (field.FieldName.Length == 0)
            {
                _modelMessages.AddRange(messages);
            }

            _messages.Add(field, messages);
        }

        _context!.NotifyValidationStateChanged();
        StateHasChanged();
    }

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        _messages!.Clear(e.FieldIdentifier);
        foreach (var (field, messages) in Messages().Where(m => m.Field.Equals(e.FieldIdentifier)))
        {
            _messages.Add(field, messages);
        }

        _context!.NotifyValidationStateChanged();
    }

    private IEnumerable<(FieldIdentifier Field, string[] Messages)> Messages() =>
        InputValidation.Validate(_context!.Model)
            .Select(e => (FieldOf(_context.Model, e.Key), e.Value.Select(p => L.Show(p)).ToArray()));

    /// <summary>The field a member path of <see cref="InputValidation"/> ("Addresses[0].Street") names: the object that holds it and its name.</summary>
    private static FieldIdentifier FieldOf(object model, string path)
    {
        var holder = model;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var value = holder.GetType().GetProperty(bracket < 0 ? part : part[..bracket])?.GetValue(holder);
            if (bracket >= 0 && value is IList list && int.TryParse(part[(bracket + 1)..^1], out var index) && index < list.Count)
            {
                value = list[index];
            }

            if (value is null)
            {
                return new FieldIdentifier(model, path);
            }

            holder = value;
        }

        return new FieldIdentifier(holder, parts[^1]);
    }

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnValidationRequested -= ValidationRequested;
            _context.OnFieldChanged -= FieldChanged;
            _messages?.Clear();
            _context.NotifyValidationStateChanged();
        }
    }
}
