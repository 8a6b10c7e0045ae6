using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using CrmBlazor.Sdk.Plugins;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>Assembly files made in memory, so tests need no prebuilt plugin.</summary>
internal static class AssemblyImages
{
    /// <summary>
    /// An assembly with no code whose metadata references the given assemblies, e.g. a plugin built
    /// against a newer MudBlazor than the host has. Never loaded; only its metadata is read.
    /// </summary>
    public static byte[] Referencing(string name, params (string Name, Version Version)[] references)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString(name + ".dll"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString(name), new Version(1, 0, 0, 0), default, default, default, AssemblyHashAlgorithm.Sha1);
        foreach (var (referenceName, version) in references)
        {
            metadata.AddAssemblyReference(metadata.GetOrAddString(referenceName), version, default, default, default, default);
        }

        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default,
            MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        var pe = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder());
        var image = new BlobBuilder();
        pe.Serialize(image);
        return image.ToArray();
    }

    /// <summary>
    /// A loadable plugin assembly with one public <see cref="ICrmPlugin"/> whose <c>Configure</c> does
    /// nothing, or throws <see cref="InvalidOperationException"/> with <paramref name="configureThrows"/>.
    /// Every name must be unique in the test run: a loaded assembly stays loaded.
    /// </summary>
    public static byte[] Plugin(string assemblyName, string? configureThrows = null)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(assemblyName) { Version = new Version(1, 0, 0, 0) }, typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(assemblyName);
        var type = module.DefineType(assemblyName + ".Plugin", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(object), [typeof(ICrmPlugin)]);
        type.DefineDefaultConstructor(MethodAttributes.Public);
        var configure = type.DefineMethod(nameof(ICrmPlugin.Configure),
            MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot,
            typeof(void), [typeof(IPluginBuilder)]);
        var il = configure.GetILGenerator();
        if (configureThrows is not null)
        {
            il.Emit(OpCodes.Ldstr, configureThrows);
            il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor([typeof(string)])!);
            il.Emit(OpCodes.Throw);
        }
        else
        {
            il.Emit(OpCodes.Ret);
        }

        type.DefineMethodOverride(configure, typeof(ICrmPlugin).GetMethod(nameof(ICrmPlugin.Configure))!);
        type.CreateType();

        using var stream = new MemoryStream();
        assembly.Save(stream);
        return stream.ToArray();
    }
}
