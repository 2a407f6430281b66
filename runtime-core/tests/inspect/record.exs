# Records what real Elixir prints for every case in cases.txt into expected.txt.
# Run through record.sh. Each case becomes a block:
#
#   #### <the case line>
#   <the term, as inspect prints it with no limits, charlists as lists, structs as maps>
#   ----
#   <the output>
#
# The second line lets the test rebuild the term without evaluating Elixir.

[cases_path, out_path] = System.argv()

defmodule Gen do
  @moduledoc "Random but reproducible terms: `Gen.term(seed)` is the same term on every run."

  def term(seed, depth \\ 4) do
    :rand.seed(:exsss, {seed, seed * 7 + 1, seed * 13 + 2})
    gen(depth)
  end

  defp gen(0), do: leaf()

  defp gen(depth) do
    case :rand.uniform(10) do
      n when n <= 3 -> leaf()
      4 -> Enum.map(1..:rand.uniform(12), fn _ -> gen(depth - 1) end)
      5 -> List.to_tuple(Enum.map(1..:rand.uniform(5), fn _ -> gen(depth - 1) end))
      6 -> Map.new(1..:rand.uniform(6), fn _ -> {atom(), gen(depth - 1)} end)
      7 -> Map.new(1..:rand.uniform(4), fn _ -> {leaf(), gen(depth - 1)} end)
      8 -> Enum.map(1..:rand.uniform(6), fn _ -> {atom(), gen(depth - 1)} end)
      9 -> Enum.map(1..:rand.uniform(30), fn _ -> :rand.uniform(2000) end)
      10 -> [gen(depth - 1) | leaf()]
    end
  end

  defp atom do
    Enum.random([:a, :ok, :error, :name, :some_long_field_name, :"quoted key", :count, :pid, :reply])
  end

  defp leaf do
    case :rand.uniform(12) do
      1 -> :rand.uniform(1_000_000) - 500
      2 -> Float.round(:rand.uniform() * 1000, 3)
      3 -> atom()
      4 -> String.duplicate("word ", :rand.uniform(12))
      5 -> "s"
      6 -> Enum.random([nil, true, false, [], {}, %{}])
      7 -> :c.pid(0, :rand.uniform(500), 0)
      8 -> :rand.uniform(10)..:rand.uniform(20)
      9 -> 'charlist'
      10 -> <<:rand.uniform(6)>> <> "xé"
      11 -> &Enum.map/2
      12 -> :rand.uniform(100_000_000_000_000_000_000)
    end
  end
end

canonical = fn term ->
  inspect(term,
    limit: :infinity,
    printable_limit: :infinity,
    charlists: :as_lists,
    structs: false,
    width: :infinity
  )
end

run = fn
  "inspect", term, opts ->
    inspect(term, opts)

  "io_inspect", term, opts ->
    {:ok, device} = StringIO.open("")
    IO.inspect(device, term, opts)
    {:ok, {"", output}} = StringIO.close(device)
    String.replace_suffix(output, "\n", "")

  "to_string", term, _opts ->
    try do
      "ok " <> to_string(term)
    rescue
      e -> "error #{inspect(e.__struct__)} " <> Exception.message(e)
    end
end

blocks =
  cases_path
  |> File.read!()
  |> String.split("\n")
  |> Enum.reject(&(&1 == "" or String.starts_with?(&1, "#")))
  |> Enum.map(fn line ->
    [_, kind, opts_source, expression] = Regex.run(~r/^(\w+) \|(.*?)\| (.*)$/, line)
    {opts, _} = Code.eval_string("[" <> String.trim(opts_source) <> "]")
    {term, _} = Code.eval_string(expression)
    "#### #{line}\n#{canonical.(term)}\n----\n#{run.(String.trim(kind), term, opts)}\n"
  end)

File.write!(out_path, blocks)
IO.puts("recorded #{length(blocks)} cases with Elixir #{System.version()}")
