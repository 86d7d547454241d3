using System.Reflection;
using System.Runtime.CompilerServices;

namespace NotebookHelpers.Display;

/// <summary>
/// Decides which chart output of a notebook carries plotly.js (3.6 MB), so an executed notebook holds it once instead
/// of once per chart: the first chart formatted in a kernel carries it, later charts of that kernel wait for
/// <c>window.Plotly</c> (every front end we target puts a notebook's outputs on one page: Jupyter, nbconvert's HTML,
/// VS Code's output webview, <c>nbh run</c>'s report). Running the carrying cell again carries it again, so its new
/// output does not take plotly.js away from the saved notebook. Both hosts (the stock kernel and <c>nbh run</c>, which
/// starts one kernel per notebook) are told apart by their root kernel, found by late binding to the public
/// <c>KernelInvocationContext.Current.HandlingKernel.RootKernel</c> and the submission's <c>Command</c>; the library
/// does not reference .NET Interactive. Outside a kernel every chart carries plotly.js, so it stands alone.
/// </summary>
public static class PlotlyJsPerNotebook
{
    private static readonly ConditionalWeakTable<object, Carrier> Carriers = new();
    private static KernelMembers? _members;

    /// <summary>
    /// True when the chart output being formatted now must include the plotly.js loader: outside a kernel, for the
    /// first chart of a kernel, and for the first chart of a later run of the cell that carried it.
    /// </summary>
    public static bool ThisOutputCarriesPlotlyJs()
    {
        var members = _members ??= KernelMembers.Find();
        var submission = members?.Current();
        if (submission is not { } current)
        {
            return true;
        }

        var carrier = Carriers.GetOrCreateValue(current.RootKernel);
        lock (carrier)
        {
            return carrier.Claim(current.Command, current.Code);
        }
    }

    /// <summary>Which submission carried plotly.js in one kernel.</summary>
    private sealed class Carrier
    {
        private string? _code;
        private WeakReference<object>? _command;

        public bool Claim(object command, string code)
        {
            if (_code is null || (_code == code && !(_command!.TryGetTarget(out var last) && ReferenceEquals(last, command))))
            {
                _code = code;
                _command = new WeakReference<object>(command);
                return true;
            }

            return false;
        }
    }

    /// <summary>The late-bound members: the current context, its handling kernel's root, its command's root and code.</summary>
    private sealed class KernelMembers
    {
        private readonly PropertyInfo _current;
        private readonly PropertyInfo _handlingKernel;
        private readonly PropertyInfo _rootKernel;
        private readonly PropertyInfo _command;
        private readonly PropertyInfo _parent;

        private KernelMembers(PropertyInfo current, PropertyInfo handlingKernel, PropertyInfo rootKernel, PropertyInfo command, PropertyInfo parent)
        {
            _current = current;
            _handlingKernel = handlingKernel;
            _rootKernel = rootKernel;
            _command = command;
            _parent = parent;
        }

        public static KernelMembers? Find()
        {
            var core = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive");
            var context = core?.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext");
            var kernel = core?.GetType("Microsoft.DotNet.Interactive.Kernel");
            var kernelCommand = core?.GetType("Microsoft.DotNet.Interactive.Commands.KernelCommand");
            if (context is null || kernel is null || kernelCommand is null)
            {
                return null;
            }

            const BindingFlags instance = BindingFlags.Public | BindingFlags.Instance;
            var current = context.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
            var handling = context.GetProperty("HandlingKernel", instance);
            var root = kernel.GetProperty("RootKernel", instance);
            var command = context.GetProperty("Command", instance);
            var parent = kernelCommand.GetProperty("Parent", instance);
            return current is null || handling is null || root is null || command is null || parent is null
                ? null
                : new KernelMembers(current, handling, root, command, parent);
        }

        public (object RootKernel, object Command, string Code)? Current()
        {
            var context = _current.GetValue(null);
            var kernel = context is null ? null : _handlingKernel.GetValue(context);
            var rootKernel = kernel is null ? null : _rootKernel.GetValue(kernel) ?? kernel;
            var command = context is null ? null : _command.GetValue(context);
            if (rootKernel is null || command is null)
            {
                return null;
            }

            // A submission split by directives or routed to a subkernel runs as child commands; the cell is the root.
            while (_parent.GetValue(command) is { } parent)
            {
                command = parent;
            }

            var code = command.GetType().GetProperty("Code", BindingFlags.Public | BindingFlags.Instance)?.GetValue(command) as string;
            return (rootKernel, command, code ?? string.Empty);
        }
    }
}
