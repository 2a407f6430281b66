# Exceptions, written as Elixir writes them: structs with a message.

defmodule Exception do
  def message(%{__struct__: module} = exception) do
    if function_exported?(module, :message, 1) do
      module.message(exception)
    else
      exception.message
    end
  end

  # What `rescue` and the reports see of an error: an exception struct, made
  # from the Erlang term the runtime raised (`:badarith`, `{:badmatch, v}`...).
  def normalize(:error, exception, stacktrace), do: normalize_error(exception, stacktrace)
  def normalize(_kind, payload, _stacktrace), do: payload

  def normalize_error(%{__exception__: true} = exception, _stacktrace), do: exception
  def normalize_error(:badarith, _), do: %ArithmeticError{}

  def normalize_error(:badarg, stacktrace) do
    case error_info_details(:badarg, stacktrace) do
      "" -> %ArgumentError{}
      details -> %ArgumentError{message: "errors were found at the given arguments:\n\n" <> details}
    end
  end

  def normalize_error(:system_limit, _), do: %SystemLimitError{}
  def normalize_error(:cond_clause, _), do: %CondClauseError{}
  def normalize_error({:badmatch, term}, _), do: %MatchError{term: term}
  def normalize_error({:case_clause, term}, _), do: %CaseClauseError{term: term}
  def normalize_error({:with_clause, term}, _), do: %WithClauseError{term: term}
  def normalize_error({:try_clause, term}, _), do: %TryClauseError{term: term}
  def normalize_error({:badmap, term}, _), do: %BadMapError{term: term}
  def normalize_error({:badkey, key, term}, _), do: %KeyError{key: key, term: term}

  def normalize_error({:badkey, key}, [{:erlang, :map_get, [_, map], _} | _]),
    do: %KeyError{key: key, term: map}

  def normalize_error({:badkey, key}, _), do: %KeyError{key: key}
  def normalize_error({:badfun, term}, _), do: %BadFunctionError{term: term}
  def normalize_error({:badarity, {fun, args}}, _), do: %BadArityError{function: fun, args: args}
  def normalize_error({:badbool, op, term}, _), do: %BadBooleanError{term: term, operator: op}

  def normalize_error(:undef, [{module, fun, args, _} | _]),
    do: %UndefinedFunctionError{module: module, function: fun, arity: arity_of(args)}

  def normalize_error(:function_clause, [{module, fun, args, _} | _]),
    do: %FunctionClauseError{module: module, function: fun, arity: arity_of(args)}

  def normalize_error(other, _), do: %ErlangError{original: other}

  # What the built-in at the top of the stack says was wrong with each of its
  # arguments (its `error_info` names the module that knows), one line each.
  defp error_info_details(reason, [{_module, _function, args, location} | _] = stacktrace)
       when is_list(args) and is_list(location) do
    with %{module: module} <- Keyword.get(location, :error_info),
         true <- function_exported?(module, :format_error, 2) do
      errors = module.format_error(reason, stacktrace)

      args
      |> Enum.with_index(1)
      |> Enum.map_join("", fn {_arg, position} ->
        case Map.get(errors, position) do
          nil -> ""
          text -> "  * #{ordinal(position)} argument: #{text}\n"
        end
      end)
    else
      _ -> ""
    end
  end

  defp error_info_details(_reason, _stacktrace), do: ""

  defp ordinal(1), do: "1st"
  defp ordinal(2), do: "2nd"
  defp ordinal(3), do: "3rd"
  defp ordinal(n), do: "#{n}th"

  defp arity_of(args) when is_list(args), do: length(args)
  defp arity_of(arity), do: arity

  def format_banner(kind, reason, stacktrace \\ [])

  def format_banner(:error, reason, stacktrace) do
    %{__struct__: module} = exception = normalize_error(reason, stacktrace)
    "** (#{inspect(module)}) #{message(exception)}"
  end

  def format_banner(:throw, value, _stacktrace), do: "** (throw) #{inspect(value)}"
  def format_banner(:exit, reason, _stacktrace), do: "** (exit) #{format_exit(reason)}"

  def format_exit(reason), do: format_exit(reason, "\n    ")

  # A two-element tuple whose second element reads as a stack trace is an
  # error's exit reason: its banner, then the stack, indented under it.
  defp format_exit({exception, [_ | _] = stacktrace} = reason, joiner) do
    if stacktrace?(stacktrace) do
      # A message of several lines is not indented, as in Elixir.
      banner = format_banner(:error, exception, stacktrace)

      Enum.join(
        ["an exception was raised:" <> joiner <> banner | Enum.map(stacktrace, &format_stacktrace_entry/1)],
        joiner <> "    "
      )
    else
      format_exit_reason(reason)
    end
  end

  defp format_exit({reason, {module, fun, args}}, joiner) when is_atom(module) and is_atom(fun) and is_list(args) do
    "exited in: #{format_mfa(module, fun, args)}" <>
      joiner <> "** (EXIT) " <> format_exit(reason, joiner <> "    ")
  end

  defp format_exit(reason, _joiner), do: format_exit_reason(reason)

  defp format_exit_reason(:normal), do: "normal"
  defp format_exit_reason(:shutdown), do: "shutdown"
  defp format_exit_reason({:shutdown, reason}), do: "shutdown: #{inspect(reason)}"
  defp format_exit_reason(:timeout), do: "time out"
  defp format_exit_reason(:killed), do: "killed"
  defp format_exit_reason(:calling_self), do: "process attempted to call itself"
  defp format_exit_reason({:bad_return_value, value}), do: "bad return value: #{inspect(value)}"

  defp format_exit_reason(:noproc),
    do:
      "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started"

  defp format_exit_reason(other), do: inspect(other)

  # Whether a list is a stack trace: `{module, function, arity or args, location}` entries.
  def stacktrace?(list) do
    Enum.all?(list, fn
      {module, fun, arity, location} when is_atom(module) and is_atom(fun) and is_list(location) ->
        is_integer(arity) or is_list(arity)

      _ ->
        false
    end)
  end

  def format_stacktrace(stacktrace) do
    Enum.map_join(stacktrace, "", fn entry -> "    " <> format_stacktrace_entry(entry) <> "\n" end)
  end

  def format_stacktrace_entry({module, fun, arity, location}) do
    format_application(module) <> format_location(location) <> format_call(module, fun, arity)
  end

  # The OTP application a module of the runtime's stand-in frames belongs to.
  defp format_application(module) when module in [:gen_server, :proc_lib, :gen, :maps], do: "(stdlib 4.2) "

  @elixir_modules [Task.Supervised, Code, Enum, Enumerable.List, Map, List, String, GenServer,
                   Supervisor, DynamicSupervisor, Agent, Agent.Server, Task, Keyword, MapSet,
                   Process, Integer, Float, Tuple, Atom, Kernel, IO, Access, Range, System]
  defp format_application(module) when module in @elixir_modules, do: "(elixir 1.14.0) "

  defp format_application(_module), do: ""

  defp format_location(location) do
    case {Keyword.get(location, :file), Keyword.get(location, :line)} do
      {nil, _} -> ""
      {file, nil} -> "#{file}: "
      {file, line} -> "#{file}:#{line}: "
    end
  end

  # `-run/0-fun-0-` is the BEAM's name for an anonymous function inside run/0.
  defp format_call(module, fun, arity) do
    case String.split(Atom.to_string(fun), "-") do
      ["", outer, "fun", _index, ""] ->
        "anonymous fn#{format_arity(arity)} in #{format_module(module)}.#{outer}"

      _ when module == :elixir_compiler_0 and fun == :__FILE__ ->
        "(file)"

      _ ->
        "#{format_module(module)}.#{Macro.inspect_atom(:remote_call, fun)}#{format_arity(arity)}"
    end
  end

  defp format_module(:elixir_compiler_0), do: ":elixir_compiler_0"
  defp format_module(module), do: inspect(module)

  defp format_arity(args) when is_list(args), do: "(#{Enum.map_join(args, ", ", &inspect/1)})"
  defp format_arity(arity), do: "/#{arity}"

  # What `elixir` prints under the banner of an uncaught error: the arguments
  # a FunctionClauseError was given, or the stack.
  def __uncaught_details__(:error, %FunctionClauseError{} = e, [{m, f, args, location} | rest])
      when is_list(args) do
    name = String.replace_prefix(message(e), "no function clause matching in ", "")

    given =
      args
      |> Enum.with_index(1)
      |> Enum.map_join("", fn {arg, i} ->
        "\n        # #{i}\n        " <> String.replace(inspect(arg), "\n", "\n        ") <> "\n"
      end)

    # The stack follows, its top entry with the arity instead of the arguments.
    "\n\n    The following arguments were given to #{name}:\n" <>
      given <> __stack_lines__([{m, f, length(args), location} | rest])
  end

  # A compile error is printed without a stack: Elixir's CLI leaves out the
  # compiler's frames, which are all there is.
  def __uncaught_details__(:error, %CompileError{}, _stacktrace), do: "\n"
  def __uncaught_details__(_kind, _reason, stacktrace), do: __stack_lines__(stacktrace)

  # `Exception.blame/3` as Elixir's CLI applies it to an uncaught error: the
  # "did you mean" hints of an undefined function or a missing key.
  def __blame__(:error, %UndefinedFunctionError{message: nil, module: module, function: function} = e)
      when is_atom(module) and is_atom(function) do
    if Code.ensure_loaded?(module),
      do: %{e | message: message(e) <> did_you_mean(function, e.arity, :callcast.exports(module))},
      else: e
  end

  def __blame__(:error, %KeyError{message: nil, key: key, term: term} = e) when is_atom(key) do
    keys =
      cond do
        is_map(term) and Enum.all?(Map.keys(term), &is_atom/1) -> Map.keys(term)
        is_list(term) and term != [] and Keyword.keyword?(term) -> Keyword.keys(term)
        true -> nil
      end

    hint =
      if keys do
        base = Atom.to_string(key)

        for(k <- keys, dist = String.jaro_distance(base, Atom.to_string(k)), dist >= 0.77, do: {dist, k})
        |> hint(fn {_, k} -> inspect(k) end)
      else
        ""
      end

    %{e | message: message(e) <> hint}
  end

  def __blame__(_kind, reason), do: reason

  defp did_you_mean(function, _arity, exports) do
    base = Atom.to_string(function)

    case Keyword.take(exports, [function]) do
      [] ->
        for {name, arity} <- exports,
            dist = String.jaro_distance(base, Atom.to_string(name)),
            dist >= 0.77,
            do: {dist, name, arity}

      arities ->
        for {name, arity} <- arities, do: {1.0, name, arity}
    end
    |> hint(fn {_, name, arity} -> "#{name}/#{arity}" end)
  end

  # The five closest candidates ({distance, name, ...}), listed by name.
  defp hint(candidates, format) do
    candidates
    |> Enum.sort(&(elem(&1, 0) >= elem(&2, 0)))
    |> Enum.take(5)
    |> Enum.sort(&(elem(&1, 1) <= elem(&2, 1)))
    |> case do
      [] -> ""
      suggestions -> ". Did you mean:\n\n" <> Enum.map_join(suggestions, "", &("      * " <> format.(&1) <> "\n"))
    end
  end

  # The stack as the logger's reports print it: one indented line per entry,
  # each after a newline.
  def __stack_lines__(stacktrace) when is_list(stacktrace),
    do: Enum.map_join(stacktrace, "", fn entry -> "\n    " <> format_stacktrace_entry(entry) end)

  def __stack_lines__(_stacktrace), do: ""

  def format_mfa(module, fun, args) do
    "#{inspect(module)}.#{fun}(#{Enum.map_join(args, ", ", &inspect/1)})"
  end

  def exception?(term), do: is_exception(term)

  def format(kind, reason, stacktrace \\ [])
  def format(kind, reason, []), do: format_banner(kind, reason)

  def format(kind, reason, stacktrace),
    do: format_banner(kind, reason, stacktrace) <> "\n" <> format_stacktrace(stacktrace)

  # `raise Module, attrs`: the module's own exception/1 when it has one.
  def __build__(module, attributes) do
    if function_exported?(module, :exception, 1) do
      module.exception(attributes)
    else
      __default_exception__(module, attributes)
    end
  end

  # The `exception/1` every `defexception` module gets unless it defines one.
  def __default_exception__(module, attributes) do
    struct = module.__struct__()

    cond do
      is_binary(attributes) -> %{struct | message: attributes}
      is_list(attributes) -> Enum.reduce(attributes, struct, fn {k, v}, acc -> Map.put(acc, k, v) end)
    end
  end
end

defmodule RuntimeError do
  defexception message: "runtime error"
end

defmodule ArgumentError do
  defexception message: "argument error"
end

defmodule ArithmeticError do
  defexception message: "bad argument in arithmetic expression"
end

defmodule SystemLimitError do
  defexception message: "a system limit has been reached"
end

defmodule Enum.EmptyError do
  defexception message: "empty error"
end

defmodule Enum.OutOfBoundsError do
  defexception message: "out of bounds error"
end

defmodule MatchError do
  defexception [:term]
  def message(exception), do: "no match of right hand side value: #{inspect(exception.term)}"
end

defmodule CaseClauseError do
  defexception [:term]
  def message(exception), do: "no case clause matching: #{inspect(exception.term)}"
end

defmodule CondClauseError do
  defexception []
  def message(_exception), do: "no cond clause evaluated to a truthy value"
end

defmodule WithClauseError do
  defexception [:term]
  def message(exception), do: "no with clause matching: #{inspect(exception.term)}"
end

defmodule TryClauseError do
  defexception [:term]
  def message(exception), do: "no try clause matching: #{inspect(exception.term)}"
end

defmodule BadMapError do
  defexception [:term]
  def message(exception), do: "expected a map, got: #{inspect(exception.term)}"
end

defmodule BadBooleanError do
  defexception [:term, :operator]

  def message(exception),
    do: "expected a boolean on left-side of \"#{exception.operator}\", got: #{inspect(exception.term)}"
end

defmodule BadFunctionError do
  defexception [:term]
  def message(exception), do: "expected a function, got: #{inspect(exception.term)}"
end

defmodule BadArityError do
  defexception [:function, :args]

  def message(exception) do
    fun = exception.function
    args = exception.args
    {:arity, arity} = :callcast.fun_info(fun, :arity)
    count = length(args)
    noun = if count == 1, do: "argument", else: "arguments"

    "#{inspect(fun)} with arity #{arity} called with #{count} #{noun} (#{Enum.map_join(args, ", ", &inspect/1)})"
  end
end

defmodule KeyError do
  defexception [:key, :term, :message]

  def message(%{message: nil, term: nil} = exception),
    do: "key #{inspect(exception.key)} not found"

  def message(%{message: nil} = exception),
    do: "key #{inspect(exception.key)} not found in: #{inspect(exception.term)}"

  def message(exception), do: exception.message
end

defmodule FunctionClauseError do
  defexception [:module, :function, :arity, :kind, :args, :clauses]

  def message(%{function: nil} = exception),
    do: "no function clause matching in anonymous fn/#{exception.arity}"

  def message(exception) do
    name = Atom.to_string(exception.function)

    case String.split(name, "-") do
      ["", outer, "fun", _index, ""] ->
        "no function clause matching in anonymous fn/#{exception.arity} in #{inspect(exception.module)}.#{outer}"

      _ ->
        "no function clause matching in #{inspect(exception.module)}.#{name}/#{exception.arity}"
    end
  end
end

defmodule UndefinedFunctionError do
  defexception [:module, :function, :arity, :reason, :message]

  def message(%{message: message}) when is_binary(message), do: message

  def message(e) do
    if Code.ensure_loaded?(e.module) do
      "function #{inspect(e.module)}.#{e.function}/#{e.arity} is undefined or private"
    else
      "function #{inspect(e.module)}.#{e.function}/#{e.arity} is undefined (module #{inspect(e.module)} is not available)"
    end
  end
end

defmodule Protocol.UndefinedError do
  defexception [:protocol, :value, :description]

  def message(e) do
    "protocol #{inspect(e.protocol)} not implemented for #{inspect(e.value)} of type #{type_name(e.value)}"
  end

  defp type_name(v) when is_tuple(v), do: "Tuple"
  defp type_name(v) when is_integer(v), do: "Integer"
  defp type_name(v) when is_float(v), do: "Float"
  defp type_name(v) when is_atom(v), do: "Atom"
  defp type_name(v) when is_binary(v), do: "BitString"
  defp type_name(v) when is_list(v), do: "List"
  defp type_name(v) when is_pid(v), do: "PID"
  defp type_name(v) when is_reference(v), do: "Reference"
  defp type_name(v) when is_function(v), do: "Function"
  defp type_name(%{__struct__: s}), do: "#{inspect(s)} (a struct)"
  defp type_name(v) when is_map(v), do: "Map"
end

defmodule UnicodeConversionError do
  defexception [:encoded, :message]
end

defmodule CompileError do
  defexception [:file, :line, description: "compile error"]

  def message(%{file: file, line: line, description: description}) do
    location =
      case {file, line} do
        {nil, _} -> ""
        {file, nil} -> "#{file}: "
        {file, line} -> "#{file}:#{line}: "
      end

    location <> description
  end
end

defmodule ErlangError do
  defexception [:original, :reason]
  def message(e), do: "Erlang error: #{inspect(e.original)}"
end
