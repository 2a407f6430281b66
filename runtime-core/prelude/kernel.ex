# The parts of Kernel written in Elixir, on top of the runtime's natives.

defmodule Kernel do
  # Every spawned process starts here: it runs `fun`, and reports a crash the
  # way Elixir's logger does before the process exits with the same reason.
  def __spawn_entry__(fun) do
    try do
      fun.()
    catch
      :exit, reason ->
        :erlang.raise(:exit, reason, __STACKTRACE__)

      kind, reason ->
        # The report shows the exit reason as an error: a throw is `{:nocatch, value}`.
        error = if kind == :throw, do: {:nocatch, reason}, else: reason

        :callcast.log_crash(
          "Process #{inspect(self())} raised an exception\n" <>
            Exception.format_banner(:error, error, __STACKTRACE__) <>
            Exception.__stack_lines__(__STACKTRACE__)
        )

        :erlang.raise(kind, reason, __STACKTRACE__)
    end
  end

  def __apply_entry__(fun, args), do: __spawn_entry__(fn -> apply(fun, args) end)

  # Processes that report their own crashes (Task) start here.
  def __quiet_entry__(fun), do: fun.()

  def raise(message) when is_binary(message), do: :erlang.error(%RuntimeError{message: message})

  def raise(%{__exception__: true} = exception), do: :erlang.error(exception)

  def raise(module) when is_atom(module), do: :erlang.error(Exception.__build__(module, []))

  def raise(module, attributes), do: :erlang.error(Exception.__build__(module, attributes))

  def reraise(exception, stacktrace), do: :erlang.raise(:error, exception, stacktrace)

  def then(value, fun), do: fun.(value)

  def tap(value, fun) do
    fun.(value)
    value
  end

  def struct(module, fields \\ []) do
    Enum.reduce(fields, module.__struct__(), fn {k, v}, acc ->
      if Map.has_key?(acc, k), do: Map.put(acc, k, v), else: acc
    end)
  end

  def struct!(module, fields \\ []) do
    Enum.reduce(fields, module.__struct__(), fn {k, v}, acc ->
      if Map.has_key?(acc, k), do: Map.put(acc, k, v), else: raise(KeyError, key: k)
    end)
  end

  def get_in(data, []), do: data
  def get_in(nil, _keys), do: nil
  def get_in(data, [key | rest]), do: get_in(data[key], rest)

  def put_in(data, [_ | _] = keys, value),
    do: elem(get_and_update_in(data, keys, fn _ -> {nil, value} end), 1)

  def update_in(data, [_ | _] = keys, fun),
    do: elem(get_and_update_in(data, keys, fn x -> {nil, fun.(x)} end), 1)

  def get_and_update_in(data, [key], fun), do: Access.get_and_update(data, key, fun)

  def get_and_update_in(data, [key | rest], fun),
    do: Access.get_and_update(data, key, &get_and_update_in(&1, rest, fun))

  def pop_in(nil, [key | _]), do: raise(ArgumentError, "could not pop key #{inspect(key)} on a nil value")
  def pop_in(data, [_ | _] = keys), do: pop_in_data(data, keys)

  defp pop_in_data(nil, [_ | _]), do: :pop
  defp pop_in_data(data, [key]), do: Access.pop(data, key)
  defp pop_in_data(data, [key | rest]), do: Access.get_and_update(data, key, &pop_in_data(&1, rest))

  def spawn_monitor(module, fun, args), do: spawn_monitor(fn -> apply(module, fun, args) end)
end

defmodule Access do
  def get_and_update(%{} = map, key, fun), do: Map.get_and_update(map, key, fun)
  def get_and_update(list, key, fun) when is_list(list), do: Keyword.get_and_update(list, key, fun)

  def get_and_update(nil, key, _fun),
    do: raise(ArgumentError, "could not put/update key #{inspect(key)} on a nil value")

  def pop(%{} = map, key), do: Map.pop(map, key)
  def pop(list, key) when is_list(list), do: Keyword.pop(list, key)
  def pop(nil, _key), do: {nil, nil}
end

defmodule Callcast.Runner do
  # The main script runs here: an uncaught error is printed as `elixir` prints
  # it, and the run ends with status 1.
  def main(fun) do
    try do
      fun.()
    catch
      # As `elixir` does: these exits end the script quietly.
      :exit, :normal -> System.halt(0)
      :exit, :shutdown -> System.halt(0)
      :exit, {:shutdown, status} when is_integer(status) -> System.halt(status)
      :exit, {:shutdown, _} -> System.halt(0)

      kind, reason ->
        stacktrace = __STACKTRACE__
        exception = Exception.__blame__(kind, Exception.normalize(kind, reason, stacktrace))
        details = Exception.__uncaught_details__(kind, exception, prune(stacktrace))
        IO.write(:stderr, Exception.format_banner(kind, exception, stacktrace) <> details <> "\n")
        :callcast.halt_reason(exit_reason(kind, reason, stacktrace))
        System.halt(1)
    end
  end

  # A module of the script that does not compile: Elixir raises its error
  # when the script reaches the module's defmodule.
  def __compile_error__(file, line, description),
    do: :erlang.error(CompileError.exception(file: file, line: line, description: description))

  # As Elixir's CLI prints an uncaught error: without the compiler's frames,
  # and nothing from the CLI's own wrapper on.
  @internals [:elixir_compiler, :elixir_lexical, Module.ParallelChecker]
  defp prune([{module, _, _, _} | rest]) when module in @internals, do: prune(rest)
  defp prune([{Kernel.CLI, :wrapper, 1, _} | _]), do: []
  defp prune([entry | rest]), do: [entry | prune(rest)]
  defp prune([]), do: []

  # What the process would exit with had nothing caught the error, as the BEAM
  # forms it for a crashing process.
  defp exit_reason(:error, reason, stacktrace), do: {reason, stacktrace}
  defp exit_reason(:throw, value, stacktrace), do: {{:nocatch, value}, stacktrace}
  defp exit_reason(:exit, reason, _stacktrace), do: reason
end

defmodule Process do
  def send(dest, message, _options) do
    send(dest, message)
    :ok
  end

  def send_after(dest, message, time, _options), do: Process.send_after(dest, message, time)

  # `:erlang.spawn_opt/2`: the options say whether to link and to monitor.
  def spawn(fun, options) do
    pid = if :link in options, do: spawn_link(fun), else: Kernel.spawn(fun)
    if :monitor in options, do: {pid, Process.monitor(pid)}, else: pid
  end

  def sleep(:infinity) do
    receive do
    end
  end

  def sleep(ms) when is_integer(ms) and ms >= 0 do
    receive do
    after
      ms -> :ok
    end
  end
end

defmodule :timer do
  def sleep(ms), do: Process.sleep(ms)

  def tc(fun) do
    start = System.monotonic_time(:microsecond)
    result = fun.()
    {System.monotonic_time(:microsecond) - start, result}
  end

  def tc(module, fun, args), do: tc(fn -> apply(module, fun, args) end)

  def send_after(ms, message), do: send_after(ms, self(), message)
  def send_after(ms, pid, message), do: {:ok, Process.send_after(pid, message, ms)}

  def seconds(n), do: n * 1000
end

defmodule Range do
  defstruct first: nil, last: nil, step: nil

  def new(first, last), do: :callcast.range(first, last, if(last >= first, do: 1, else: -1))
  def new(first, last, step), do: :callcast.range(first, last, step)
  def size(range), do: Enum.count(range)
end

defmodule IO do
  def iodata_length(binary) when is_binary(binary), do: byte_size(binary)
  def iodata_length(byte) when is_integer(byte), do: 1
  def iodata_length([]), do: 0
  def iodata_length([head | tail]), do: iodata_length(head) + iodata_length(tail)
end

# Elixir code rather than a native, as in Elixir: a call of it in tail position
# replaces its caller's frame, which a stack trace then does not show.
defmodule Atom do
  def to_string(atom), do: :erlang.atom_to_binary(atom)
  def to_charlist(atom), do: String.to_charlist(Atom.to_string(atom))
end

defmodule Integer do
  def to_charlist(integer, base), do: String.to_charlist(Integer.to_string(integer, base))
end

defmodule Float do
  def pow(base, exponent) when is_float(base) and is_number(exponent), do: :math.pow(base, exponent)
  def to_charlist(float), do: String.to_charlist(Float.to_string(float))
end

defmodule Tuple do
  def product(tuple), do: Enum.reduce(Tuple.to_list(tuple), 1, &(&1 * &2))
end

defmodule String do
  # The mode (`:default`, `:ascii`, `:greek`, `:turkic`) changes only letters
  # outside ASCII; callcast cases them as `:default` does.
  def upcase(string, _mode), do: String.upcase(string)
  def downcase(string, _mode), do: String.downcase(string)
  def capitalize(string, _mode), do: String.capitalize(string)

  def replace_leading(_string, "", _replacement),
    do: raise(ArgumentError, "cannot use an empty string as the match to replace")

  def replace_leading(string, match, replacement) do
    {count, rest} = strip_leading(string, match, 0)
    String.duplicate(replacement, count) <> rest
  end

  def replace_trailing(_string, "", _replacement),
    do: raise(ArgumentError, "cannot use an empty string as the match to replace")

  def replace_trailing(string, match, replacement) do
    {count, rest} = strip_trailing(string, match, 0)
    rest <> String.duplicate(replacement, count)
  end

  defp strip_leading(string, match, count) do
    if String.starts_with?(string, match),
      do: strip_leading(String.replace_prefix(string, match, ""), match, count + 1),
      else: {count, string}
  end

  defp strip_trailing(string, match, count) do
    if String.ends_with?(string, match),
      do: strip_trailing(String.replace_suffix(string, match, ""), match, count + 1),
      else: {count, string}
  end

  def valid?(string) when is_binary(string), do: true

  def printable?(string, limit \\ :infinity) when is_binary(string) do
    string
    |> String.to_charlist()
    |> Enum.take(if limit == :infinity, do: String.length(string), else: limit)
    |> Enum.all?(&printable_char?/1)
  end

  defp printable_char?(c) when c in 0x20..0x7E, do: true
  defp printable_char?(c) when c in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e, 127, ?\a], do: true
  defp printable_char?(c) when c in 0xA0..0xD7FF or c in 0xE000..0xFFFD, do: true
  defp printable_char?(c) when c in 0x10000..0x10FFFF, do: true
  defp printable_char?(_), do: false

  def next_codepoint(""), do: nil

  def next_codepoint(string) do
    [codepoint | rest] = String.codepoints(string)
    {codepoint, Enum.join(rest)}
  end

  # Elixir 1.14's Jaro distance, which its "did you mean" hints use.
  def jaro_distance(string, string) when is_binary(string), do: 1.0
  def jaro_distance(_string, ""), do: 0.0
  def jaro_distance("", _string), do: 0.0

  def jaro_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    chars1 = String.graphemes(string1)
    chars2 = String.graphemes(string2)
    len1 = Kernel.length(chars1)
    len2 = Kernel.length(chars2)

    case jaro_match(chars1, len1, chars2, len2) do
      {0, _trans} -> 0.0
      {comm, trans} -> (comm / len1 + comm / len2 + (comm - trans) / comm) / 3
    end
  end

  defp jaro_match(chars1, len1, chars2, len2) do
    if len1 < len2,
      do: jaro_match(chars1, chars2, div(len2, 2) - 1),
      else: jaro_match(chars2, chars1, div(len1, 2) - 1)
  end

  defp jaro_match(chars1, chars2, lim), do: jaro_match(chars1, chars2, {0, lim}, {0, 0, -1}, 0)

  defp jaro_match([char | rest], chars, range, state, idx) do
    {chars, state} = jaro_submatch(char, chars, range, state, idx)

    case range do
      {lim, lim} -> jaro_match(rest, tl(chars), range, state, idx + 1)
      {pre, lim} -> jaro_match(rest, chars, {pre + 1, lim}, state, idx + 1)
    end
  end

  defp jaro_match([], _, _, {comm, trans, _}, _), do: {comm, trans}

  defp jaro_submatch(char, chars, {pre, _} = range, state, idx) do
    case jaro_detect(char, chars, range) do
      nil -> {chars, state}
      {subidx, chars} -> {chars, jaro_proceed(state, idx - pre + subidx)}
    end
  end

  defp jaro_detect(char, chars, {pre, lim}), do: jaro_detect(char, chars, pre + 1 + lim, 0, [])
  defp jaro_detect(_char, _chars, 0, _idx, _acc), do: nil
  defp jaro_detect(_char, [], _lim, _idx, _acc), do: nil
  defp jaro_detect(char, [char | rest], _lim, idx, acc), do: {idx, :lists.reverse(acc, [nil | rest])}
  defp jaro_detect(char, [other | rest], lim, idx, acc), do: jaro_detect(char, rest, lim - 1, idx + 1, [other | acc])

  defp jaro_proceed({comm, trans, former}, current) do
    if current < former, do: {comm + 1, trans + 1, current}, else: {comm + 1, trans, current}
  end

  def next_grapheme(""), do: nil
  def next_grapheme(string), do: {String.first(string), String.slice(string, 1..-1//1)}
end
