package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed of an account. Written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrtcAccountStatus {

    @JsonPropertyDescription("How many CloudRecordings name this account in spec.accountRef, those being deleted included.")
    private Integer users;

    @JsonPropertyDescription("The metadata.generation that the operator last acted on.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready: True when the Secret exists and holds secretId and secretKey; False names what is missing (never a value), or, while the account is being deleted, how many recordings still use it.")
    private List<Condition> conditions = new ArrayList<>();

    public Integer getUsers() {
        return users;
    }

    public void setUsers(Integer users) {
        this.users = users;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
