# A linked process fails inside the function it passed to Enum.each: the report that ends the
# script shows Elixir's frames under the callback's, and a bad argument explained.
defmodule Worker do
  def label(item), do: Atom.to_string(item)

  def run(items) do
    Enum.each(items, fn item -> IO.puts(label(item)) end)
  end
end

spawn_link(fn -> Worker.run([:first, "second"]) end)
Process.sleep(100)
IO.puts("not reached")
