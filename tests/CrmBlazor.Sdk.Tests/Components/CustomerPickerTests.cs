using Bunit;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Customers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Sdk.Tests.Components;

/// <summary>
/// The customer picker chooses only from the results of what is in the field: a quick typist who presses
/// Enter before the new search has answered must not get a customer from the previous list.
/// </summary>
public sealed class CustomerPickerTests : KitTestContext
{
    private static readonly CustomerSummary Lahore = new(1, "Lahore Textile Mills", "PKR", null, false);
    private static readonly CustomerSummary Kutaisi = new(2, "Kutaisi Wine House", "GEL", null, false);

    private readonly SlowDirectory directory = new();
    private readonly List<CustomerSummary?> chosen = [];

    public CustomerPickerTests() => Services.AddSingleton<ICustomerDirectory>(directory);

    [Fact]
    public void Enter_WhileTheSearchForTheNewTextIsUnderWay_NeverChoosesFromThePreviousList()
    {
        var input = RenderPicker();
        Type(input, "La");
        WaitForOptions("Lahore Textile Mills");
        directory.Hold("Ku");

        Type(input, "Ku");
        Press(input, "ArrowDown");
        Press(input, "Enter");
        directory.Release("Ku");

        // Whether the Enter reaches the picker before or after the new search starts (the autocomplete's
        // debounce decides), the field ends empty or with a customer matching "Ku", never the old option.
        rendered!.WaitForAssertion(
            () => Assert.Contains(rendered!.Find("input").GetAttribute("value") ?? string.Empty, new[] { string.Empty, Kutaisi.Name }),
            TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(Lahore, chosen);
    }

    [Fact]
    public void Enter_WhileTheSearchForANarrowerTextIsUnderWay_ChoosesTheCustomerItStillMatches()
    {
        var input = RenderPicker();
        Type(input, "La");
        WaitForOptions("Lahore Textile Mills");
        directory.Hold("Lah");

        Type(input, "Lah");
        Press(input, "Enter");
        directory.Release("Lah");

        rendered!.WaitForAssertion(() => Assert.Equal(Lahore, Assert.Single(chosen)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Enter_OnceTheNewResultsAreShown_ChoosesFromThem()
    {
        var input = RenderPicker();
        Type(input, "La");
        WaitForOptions("Lahore Textile Mills");

        Type(input, "Ku");
        WaitForOptions("Kutaisi Wine House");
        Press(input, "Enter");

        // The picker confirms the highlighted option against a search of what is typed before choosing,
        // which finishes asynchronously on a busy machine.
        rendered!.WaitForAssertion(() => Assert.Equal(Kutaisi, Assert.Single(chosen)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Enter_OnTheResultsOfWhatIsTyped_ChoosesTheHighlightedCustomer()
    {
        var input = RenderPicker();
        Type(input, "La");
        WaitForOptions("Lahore Textile Mills");

        Press(input, "Enter");

        rendered!.WaitForAssertion(() => Assert.Equal(Lahore, Assert.Single(chosen)), TimeSpan.FromSeconds(5));
    }

    private AngleSharp.Dom.IElement RenderPicker()
    {
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<CustomerPicker>(1);
            builder.AddAttribute(2, nameof(CustomerPicker.Label), "Customer");
            builder.AddAttribute(3, nameof(CustomerPicker.ValueChanged), EventCallback.Factory.Create<CustomerSummary?>(this, c => chosen.Add(c)));
            builder.CloseComponent();
        });
        rendered = host;
        return host.Find("input");
    }

    private IRenderedComponent<IComponent>? rendered;

    private static void Type(AngleSharp.Dom.IElement input, string text) => input.Input(text);

    private static void Press(AngleSharp.Dom.IElement input, string key)
    {
        input.KeyDown(new KeyboardEventArgs { Key = key });
        input.KeyUp(new KeyboardEventArgs { Key = key });
    }

    private void WaitForOptions(string name) =>
        rendered!.WaitForAssertion(() => Assert.Contains(rendered!.FindAll(".mud-list-item"), i => i.TextContent.Contains(name, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(5));

    /// <summary>Finds by the start of the name; a search can be held back until the test releases it.</summary>
    private sealed class SlowDirectory : ICustomerDirectory
    {
        private readonly Dictionary<string, TaskCompletionSource> held = [];

        public void Hold(string text) => held[text] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(string text) => held[text].TrySetResult();

        public async Task<IReadOnlyList<CustomerSummary>> SearchAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
        {
            if (text is not null && held.TryGetValue(text, out var gate))
            {
                // Held for the picker's list; the picker's own check after a quick Enter asks without a token.
                await gate.Task.WaitAsync(cancellationToken);
            }

            return [.. new[] { Lahore, Kutaisi }.Where(c => c.Name.StartsWith(text ?? string.Empty, StringComparison.OrdinalIgnoreCase))];
        }

        public Task<CustomerSummary?> GetAsync(long customerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<long, CustomerSummary>> GetManyAsync(IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<BillingRecipient?> GetBillingRecipientAsync(long customerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
