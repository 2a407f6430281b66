# Registered names: register, whereis, unregister, sending to a name.
defmodule Names do
  def run do
    pid =
      spawn(fn ->
        receive do
          {:hello, from} -> send(from, :hello_back)
        end
      end)

    IO.inspect(Process.register(pid, :greeter), label: "register")
    IO.inspect(Process.whereis(:greeter) == pid, label: "whereis finds it")
    IO.inspect(:greeter in Process.registered(), label: "listed in registered")
    send(:greeter, {:hello, self()})
    receive do
      :hello_back -> IO.puts("reply via the registered name")
    end

    Process.sleep(10)
    IO.inspect(Process.whereis(:greeter), label: "name freed when the process exits")

    other = spawn(fn -> Process.sleep(:infinity) end)
    Process.register(other, :worker)
    IO.inspect(Process.unregister(:worker), label: "unregister")
    IO.inspect(Process.whereis(:worker), label: "after unregister")

    Process.register(self(), :main_proc)
    IO.inspect(Process.whereis(:main_proc) == self(), label: "registering self")
    send(:main_proc, :to_my_name)
    receive do
      :to_my_name -> IO.puts("message to my own name")
    end

    try do
      Process.register(other, :main_proc)
    rescue
      e -> IO.puts("name taken: #{inspect(e.__struct__)}: #{Exception.message(e)}")
    end

    try do
      Process.register(self(), :another_name)
    rescue
      e -> IO.puts("already named: #{inspect(e.__struct__)}: #{Exception.message(e)}")
    end

    try do
      send(:nobody_here, :hello)
    rescue
      e -> IO.puts("send to unknown name: #{inspect(e.__struct__)}: #{Exception.message(e)}")
    end

    try do
      Process.unregister(:not_registered)
    rescue
      e -> IO.puts("unregister unknown: #{inspect(e.__struct__)}: #{Exception.message(e)}")
    end

    IO.inspect(Process.whereis(:never_registered))
  end
end

Names.run()
