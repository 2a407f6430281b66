# A linked process that fails inside nested calls: the script dies with its exit reason, stack and all.
defmodule Worker do
  def run(items) do
    results = double_all(items)
    {:done, results}
  end

  defp double_all([]), do: []
  defp double_all([x | rest]), do: [step(x) | double_all(rest)]

  defp step(x), do: checked(x)

  defp checked(x) when is_integer(x), do: x * 2
end

IO.puts("start")

spawn_link(fn ->
  result = Worker.run([1, 2, :three])
  IO.inspect(result)
end)

Process.sleep(1000)
IO.puts("not reached")
