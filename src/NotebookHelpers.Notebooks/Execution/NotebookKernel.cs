using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookHelpers.Notebooks.Execution;

/// <summary>
/// Creates the kernel a notebook runs in: a composite kernel holding one C# kernel with the helpers notebooks expect
/// (<c>display()</c>, <c>#r "nuget: …"</c>, <c>#!who</c>, value sharing).
/// </summary>
public static class NotebookKernel
{
    /// <summary>Package whose kernel extension is not loaded: it renders charts through a CDN, and the host renders them offline.</summary>
    public const string SkippedExtensionPackage = "Plotly.NET.Interactive";

    /// <summary>Creates a fresh kernel.</summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective(LoadPackageExtensionsAsync)
            .UseKernelHelpers()
            .UseValueSharing()
            .UseWho();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    // .NET Interactive's packages have no public loader for the kernel extensions a NuGet package ships in
    // interactive-extensions/dotnet; the dotnet-interactive tool loads them, so the host does the same.
    private static async Task LoadPackageExtensionsAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> resolved)
    {
        kernel.AddAssemblyReferences(resolved.SelectMany(r => r.AssemblyPaths));
        foreach (var package in resolved)
        {
            if (string.Equals(package.PackageName, SkippedExtensionPackage, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var dll in Directory.GetFiles(folder, "*.dll"))
            {
                var extensions = Assembly.LoadFrom(dll).GetExportedTypes()
                    .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false });
                foreach (var type in extensions)
                {
                    if (Activator.CreateInstance(type) is IKernelExtension extension)
                    {
                        await extension.OnLoadAsync(kernel).ConfigureAwait(false);
                    }
                }
            }
        }
    }
}
