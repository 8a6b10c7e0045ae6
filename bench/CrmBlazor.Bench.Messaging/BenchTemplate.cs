using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Bench.Messaging;

/// <summary>The campaign template the benchmark renders, made as a person makes it on /messages: created, then worded per language.</summary>
internal static class BenchTemplate
{
    public static Task<string> CreateAsync(CrmHostFactory host) =>
        host.AsUserAsync(CrmHostFactory.Administrator, async services =>
        {
            var templates = services.GetRequiredService<MessageTemplateService>();
            var title = $"Year-end review {Guid.NewGuid():N}"[..30];
            var created = await templates.CreateCampaignTemplateAsync(new CampaignTemplateInput { Title = title });
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The campaign template was refused: " + string.Join(" ", created.Messages));
            }

            var key = (await templates.ListAsync()).Single(t => t.Title == title).Key;
            foreach (var (language, text) in RenderBench.Versions)
            {
                var saved = await templates.SaveAsync(key, language, new MessageTemplateInput { Subject = text.Subject, HtmlBody = text.HtmlBody });
                if (!saved.Succeeded)
                {
                    throw new InvalidOperationException($"The {language} version was refused: " + string.Join(" ", saved.Messages));
                }
            }

            return key;
        });
}
