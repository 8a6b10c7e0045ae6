using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CrmBlazor.Host.Identity;

/// <summary>Sets <see cref="CrmActor.Current"/> for HTTP requests and for every event of an interactive circuit.</summary>
internal static class CrmActorTracking
{
    public static IApplicationBuilder UseCrmActor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var actor = CrmActor.ForUser(context.User);
        if (actor is null)
        {
            await next();
            return;
        }

        using (CrmActor.Use(actor))
        {
            await next();
        }
    });

    public static IServiceCollection AddCrmActorTracking(this IServiceCollection services) =>
        services.AddScoped<CircuitHandler, CircuitActorHandler>();

    /// <summary>
    /// A circuit has no HttpContext; its user comes from the circuit's authentication state, which this
    /// handler follows and makes current around each inbound activity (event handlers, renders).
    /// </summary>
    private sealed class CircuitActorHandler(AuthenticationStateProvider authentication) : CircuitHandler, IDisposable
    {
        private CrmActor? _actor;

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
            return TrackAsync(authentication.GetAuthenticationStateAsync());
        }

        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                if (_actor is null)
                {
                    await next(context);
                    return;
                }

                using (CrmActor.Use(_actor))
                {
                    await next(context);
                }
            };

        public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;

        private void OnAuthenticationStateChanged(Task<AuthenticationState> state) => _ = TrackAsync(state);

        private async Task TrackAsync(Task<AuthenticationState> state) => _actor = CrmActor.ForUser((await state).User);
    }
}
