package cn.duban.city.web;

import cn.duban.city.CityMemberships;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Tenant;
import cn.duban.tenant.TenantInput;
import cn.duban.tenant.TenantKind;
import cn.duban.tenant.TenantService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The operator's cities (市级租户) and their member districts, a section of the platform page: creating
 * a city, adding and removing a member (each on the operators' trail).
 */
@Named
@ViewScoped
public class CityMembersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject CityMemberships memberships;

    @Inject TenantService tenants;

    private transient List<CityMemberships.City> cities;
    private transient List<Tenant> districts;
    private String cityId, cityName, city, district;

    public List<CityMemberships.City> getCities() {
        if (cities == null) cities = memberships.cities();
        return cities;
    }

    /** The districts (for the member choice). */
    public List<Tenant> getDistricts() {
        if (districts == null) {
            districts =
                    tenants.list().stream()
                            .filter(t -> t.getKind() == TenantKind.DISTRICT)
                            .toList();
        }
        return districts;
    }

    public void createCity() {
        try {
            tenants.create(new TenantInput(cityId, cityName, List.of(), TenantKind.CITY));
            Messages.info("cityAdmin.created", cityName);
            cityId = cityName = null;
            cities = null;
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void add() {
        try {
            CityMemberships.Member m = memberships.add(city, district);
            Messages.info("cityAdmin.added", m.districtName(), m.cityName());
            cities = null;
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void remove(String c, String d) {
        try {
            memberships.remove(c, d);
            Messages.info("cityAdmin.removed");
            cities = null;
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public String getCityId() {
        return cityId;
    }

    public void setCityId(String cityId) {
        this.cityId = cityId;
    }

    public String getCityName() {
        return cityName;
    }

    public void setCityName(String cityName) {
        this.cityName = cityName;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }
}
