# Anonymous processes: two workers spawned in a comprehension, a Task, and a
# function spawned from inside a module.
parent = self()
workers = for i <- 1..2 do
  spawn(fn -> receive do {:job, n} -> send(parent, {:done, i, n * n}) end end)
end
Enum.each(workers, fn w -> send(w, {:job, 7}) end)
defmodule Helper do
  def start, do: spawn(fn -> :ok end)
end
Helper.start()
IO.inspect(Task.await(Task.async(fn -> :computed end)))
for _ <- 1..2, do: receive(do: (m -> IO.inspect(m)))
