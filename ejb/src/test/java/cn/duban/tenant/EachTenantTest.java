package cn.duban.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class EachTenantTest {

    @Test
    void suspendedTenantsGetNoBackgroundWork() {
        Tenant active = new Tenant("active", "正常区");
        Tenant suspended = new Tenant("paused", "暂停区");
        suspended.setSuspension(Instant.now(), "operator");
        TenantService service =
                new TenantService() {
                    @Override
                    public List<Tenant> list() {
                        Caller.require(Caller.PLATFORM_ADMIN);
                        return List.of(active, suspended);
                    }
                };
        List<String> ran = new ArrayList<>();
        EachTenant.run(
                service,
                Logger.getLogger("test"),
                "Reminders",
                t -> {
                    ran.add(t.getId() + " as " + Caller.currentTenant().orElseThrow());
                    return "ok";
                });
        assertThat(ran).containsExactly("active as active");
    }
}
