# Keyword lists.
opts = [name: "srv", timeout: 5000, name: "dup"]
IO.inspect(opts)
IO.inspect(Keyword.get(opts, :name))
IO.inspect(Keyword.get(opts, :missing))
IO.inspect(Keyword.get(opts, :missing, 100))
IO.inspect(Keyword.get_values(opts, :name))
IO.inspect(Keyword.put(opts, :name, "one"))
IO.inspect(Keyword.put(opts, :extra, true))
IO.inspect(Keyword.fetch(opts, :timeout))
IO.inspect(Keyword.fetch(opts, :nope))
IO.inspect(Keyword.fetch!(opts, :timeout))
IO.inspect(Keyword.keys(opts))
IO.inspect(Keyword.values(opts))
IO.inspect(Keyword.merge([a: 1, b: 2], [b: 3, c: 4]))
IO.inspect(Keyword.delete(opts, :name))
IO.inspect(Keyword.has_key?(opts, :timeout))
IO.inspect(Keyword.put_new([a: 1], :a, 2))
IO.inspect(Keyword.take([a: 1, b: 2, c: 3], [:a, :c]))
IO.inspect(Keyword.drop([a: 1, b: 2, c: 3], [:a]))
IO.inspect(Keyword.update([a: 1], :a, 0, &(&1 + 1)))
IO.inspect(Keyword.keyword?([a: 1]))
IO.inspect(Keyword.keyword?([{"a", 1}]))
IO.inspect([{:a, 1}, {:b, 2}] == [a: 1, b: 2])
IO.inspect([a: 1] ++ [b: 2])
IO.inspect(opts[:timeout])
IO.inspect([{:"quoted key", 1}, {:ok?, 2}])
IO.inspect([{:a, 1}, {:b, 2, 3}])
IO.inspect(Enum.into([a: 1, b: 2], %{}))
IO.inspect(Map.to_list(%{b: 1, a: 2}))

defmodule Opts do
  def start(name, opts \\ []) do
    timeout = Keyword.get(opts, :timeout, 1000)
    "#{name} with timeout #{timeout}"
  end
end

IO.puts(Opts.start("a"))
IO.puts(Opts.start("b", timeout: 10))
IO.puts(Opts.start("c", debug: true, timeout: :infinity))
